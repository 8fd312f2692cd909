package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
