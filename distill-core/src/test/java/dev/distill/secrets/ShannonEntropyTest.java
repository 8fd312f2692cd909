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
  void sameBitsAsTheStreamFormulationItReplaced() {
    Random random = new Random(21);
    String alphabet = "abcdefABCDEF0123456789+/=_-é\uD83D\uDE00";
    for (int round = 0; round < 2000; round++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(80);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertThat(Double.doubleToRawLongBits(ShannonEntropy.of(s)))
          .as(s)
          .isEqualTo(Double.doubleToRawLongBits(streamed(s)));
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
