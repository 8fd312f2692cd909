package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL1001: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl1001InlineIgnorePragmaTest {
  /** hadolint DL1001Spec.hs:20: catches inline ignore pragma */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL1001", "# hadolint ignore=DL3003\nRUN foo bar\n\n"))
        .isPositive();
  }

  /** hadolint DL1001Spec.hs:27: does not catch other pragma */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL1001", "# hadolint shell=powershell\nRUN foo bar\n\n")).isZero();
  }

  /** hadolint DL1001Spec.hs:41: does not catch when inline ignore pragma is absent */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL1001", "FROM debian\nRUN foo bar\n\n")).isZero();
  }
}
