package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3004: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3004NoSudoTest {
  /** hadolint DL3004Spec.hs:14: sudo */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3004", "RUN sudo apt-get update\n")).isPositive();
  }

  /** hadolint DL3004Spec.hs:15: sudo */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3004", "ONBUILD RUN sudo apt-get update\n")).isEqualTo(1L);
  }

  /** hadolint DL3004Spec.hs:17: install sudo */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3004", "RUN apt-get install sudo\n")).isZero();
  }

  /** hadolint DL3004Spec.hs:18: install sudo */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3004", "ONBUILD RUN apt-get install sudo\n")).isZero();
  }
}
