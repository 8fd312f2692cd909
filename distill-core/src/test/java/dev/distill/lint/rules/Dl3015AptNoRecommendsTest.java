package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3015: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3015AptNoRecommendsTest {
  /** hadolint DL3015Spec.hs:21: apt-get no install recommends */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3015", "RUN apt-get install python\n")).isPositive();
  }

  /** hadolint DL3015Spec.hs:22: apt-get no install recommends */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3015", "ONBUILD RUN apt-get install python\n")).isEqualTo(1L);
  }

  /** hadolint DL3015Spec.hs:24: apt-get no install recommends */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3015", "RUN apt-get -y install python\n")).isPositive();
  }

  /** hadolint DL3015Spec.hs:14: apt-get install recommends */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3015", "RUN apt-get install --no-install-recommends python\n"))
        .isZero();
  }

  /** hadolint DL3015Spec.hs:17: apt-get install recommends */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3015", "ONBUILD RUN apt-get install --no-install-recommends python\n"))
        .isZero();
  }

  /** hadolint DL3015Spec.hs:27: apt-get no install recommends via option */
  @Test
  void passes6() {
    assertThat(
            RuleTester.count(
                "DL3015", "RUN apt-get -o APT::Install-Recommends=false install python\n"))
        .isZero();
  }
}
