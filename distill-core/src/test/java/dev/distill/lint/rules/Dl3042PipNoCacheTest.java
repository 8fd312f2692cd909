package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3042: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3042PipNoCacheTest {
  /** hadolint DL3042Spec.hs:15: pip2 --no-cache-dir not used */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3042", "RUN pip2 install MySQL_python\n")).isPositive();
  }

  /** hadolint DL3042Spec.hs:16: pip2 --no-cache-dir not used */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3042", "ONBUILD RUN pip2 install MySQL_python\n")).isEqualTo(1L);
  }

  /** hadolint DL3042Spec.hs:19: pip3 --no-cache-dir not used */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3042", "ONBUILD RUN pip3 install MySQL_python\n")).isEqualTo(1L);
  }

  /** hadolint DL3042Spec.hs:24: pip2 --no-cache-dir used */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3042", "RUN pip2 install MySQL_python --no-cache-dir\n"))
        .isZero();
  }

  /** hadolint DL3042Spec.hs:27: pip3 --no-cache-dir used */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3042", "RUN pip3 install --no-cache-dir MySQL_python\n"))
        .isZero();
  }

  /** hadolint DL3042Spec.hs:31: pip --no-cache-dir used */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3042", "ONBUILD RUN pip install MySQL_python --no-cache-dir\n"))
        .isZero();
  }
}
