package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3014: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3014AptYesTest {
  /** hadolint DL3014Spec.hs:14: apt-get auto yes */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3014", "RUN apt-get install python\n")).isPositive();
  }

  /** hadolint DL3014Spec.hs:15: apt-get auto yes */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3014", "ONBUILD RUN apt-get install python\n")).isEqualTo(1L);
  }

  /** hadolint DL3014Spec.hs:20: apt-get -q */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3014", "ONBUILD RUN apt-get install -q python\n")).isEqualTo(1L);
  }

  /** hadolint DL3014Spec.hs:26: apt-get yes shortflag */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3014", "RUN apt-get install -yq python\n")).isZero();
  }

  /** hadolint DL3014Spec.hs:27: apt-get yes shortflag */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3014", "ONBUILD RUN apt-get install -yq python\n")).isZero();
  }

  /** hadolint DL3014Spec.hs:29: apt-get yes different pos */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3014", "RUN apt-get install -y python\n")).isZero();
  }
}
