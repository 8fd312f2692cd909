package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3000: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3000AbsoluteWorkdirTest {
  /** hadolint DL3000Spec.hs:20: workdir absolute double quotes */
  @Test
  void passes1() {
    assertThat(RuleTester.count("DL3000", "WORKDIR \"/usr/local\"\n")).isZero();
  }

  /** hadolint DL3000Spec.hs:21: workdir variable double quotes */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3000", "WORKDIR \"${dir}\"\n")).isZero();
  }

  /** hadolint DL3000Spec.hs:26: workdir absolute windows alternative */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3000", "WORKDIR C:/\n")).isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(RuleTester.count("DL3000", "FROM debian:12\nWORKDIR usr/local")).isPositive();
  }
}
