package dev.distill.secrets;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Shannon entropy in bits, computed as gitleaks does: code points over the UTF-8 byte length. */
public final class ShannonEntropy {
  private ShannonEntropy() {}

  public static double of(String data) {
    if (data.isEmpty()) {
      return 0;
    }
    if (isAscii(data)) {
      return ofAscii(data);
    }
    // The same merge calls in the same order as the stream form this replaced, so the map (whose
    // size, with merge, grows one call late) and the order the sum adds its terms stay the same.
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < data.length(); ) {
      int cp = data.codePointAt(i);
      counts.merge(cp, 1, Integer::sum);
      i += Character.charCount(cp);
    }
    int length = data.getBytes(StandardCharsets.UTF_8).length;
    double inv = 1.0 / length;
    double entropy = 0;
    for (int count : counts.values()) {
      double freq = count * inv;
      entropy -= freq * (Math.log(freq) / Math.log(2));
    }
    return entropy;
  }

  /**
   * The same for ASCII text, counted in an array rather than a map of boxed counts: candidates'
   * secrets are nearly all ASCII and a source tree has hundreds of thousands of them. Terms are
   * added in code point order (the map's order differs, so the last bit may).
   */
  private static double ofAscii(String data) {
    int[] counts = new int[128];
    int n = data.length();
    for (int i = 0; i < n; i++) {
      counts[data.charAt(i)]++;
    }
    double inv = 1.0 / n;
    double entropy = 0;
    for (int count : counts) {
      if (count > 0) {
        double freq = count * inv;
        entropy -= freq * (Math.log(freq) / Math.log(2));
      }
    }
    return entropy;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }
}
