package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShannonEntropyTest {
  @Test
  void knownValues() {
    assertThat(ShannonEntropy.of("")).isEqualTo(0);
    assertThat(ShannonEntropy.of("aaaa")).isEqualTo(0);
    assertThat(ShannonEntropy.of("abab")).isCloseTo(1.0, within(1e-9));
    assertThat(ShannonEntropy.of("abcd")).isCloseTo(2.0, within(1e-9));
    assertThat(ShannonEntropy.of("0123456789abcdef")).isCloseTo(4.0, within(1e-9));
  }

  @Test
  void countsCodePointsOverUtf8BytesAsGitleaksDoes() {
    // "éé": one code point twice, 4 bytes: freq 2/4 -> -(0.5 * log2 0.5) = 0.5
    assertThat(ShannonEntropy.of("éé")).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void sameValuesAsTheStreamFormulationItReplaced() {
    // Bit for bit where the text is not ASCII (the same map, filled in the same order); ASCII text
    // is counted in an array and summed in code point order, so only the last bits may differ.
    Random random = new Random(21);
    String mixed = "abcdefABCDEF0123456789+/=_-é\uD83D\uDE00";
    String ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=_-.:\"' \t\n~";
    for (int round = 0; round < 4000; round++) {
      String alphabet = round % 2 == 0 ? mixed : ascii;
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(round % 4 == 1 ? 400 : 80);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      if (s.chars().allMatch(c -> c < 128)) {
        assertThat(ShannonEntropy.of(s)).as(s).isCloseTo(streamed(s), within(1e-12));
      } else {
        assertThat(Double.doubleToRawLongBits(ShannonEntropy.of(s)))
            .as(s)
            .isEqualTo(Double.doubleToRawLongBits(streamed(s)));
      }
    }
  }

  /** The earlier formulation, through a code point stream. */
  private static double streamed(String data) {
    if (data.isEmpty()) {
      return 0;
    }
    Map<Integer, Integer> counts = new HashMap<>();
    data.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
    int length = data.getBytes(StandardCharsets.UTF_8).length;
    double inv = 1.0 / length;
    double entropy = 0;
    for (int count : counts.values()) {
      double freq = count * inv;
      entropy -= freq * (Math.log(freq) / Math.log(2));
    }
    return entropy;
  }
}
