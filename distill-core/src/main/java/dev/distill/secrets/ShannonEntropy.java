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
    // A plain loop, no stream, but the same merge calls in the same order: the map (whose size,
    // with merge, grows one call late) and so the order the sum below adds its terms stay the same.
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < data.length(); ) {
      int cp = data.codePointAt(i);
      counts.merge(cp, 1, Integer::sum);
      i += Character.charCount(cp);
    }
    int length = isAscii(data) ? data.length() : data.getBytes(StandardCharsets.UTF_8).length;
    double inv = 1.0 / length;
    double entropy = 0;
    for (int count : counts.values()) {
      double freq = count * inv;
      entropy -= freq * (Math.log(freq) / Math.log(2));
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
