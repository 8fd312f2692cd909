package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3029: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3029NoPlatformFlagTest {
  /** hadolint DL3029Spec.hs:14: no platform flag */
  @Test
  void passes1() {
    assertThat(RuleTester.count("DL3029", "FROM debian:jessie\n")).isZero();
  }

  /** hadolint DL3029Spec.hs:15: allows platform $BUILDPLATFORM flag */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3029", "FROM --platform=$BUILDPLATFORM debian:jessie\n"))
        .isZero();
  }

  /** hadolint DL3029Spec.hs:18: allows platform ${BUILDPLATFORM:-} flag */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3029", "FROM --platform=${BUILDPLATFORM:-} debian:jessie\n"))
        .isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(RuleTester.count("DL3029", "FROM --platform=linux/amd64 debian:jessie"))
        .isPositive();
  }
}
