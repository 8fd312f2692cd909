package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3065: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3065RedundantTargetPlatformTest {
  /** hadolint DL3065Spec.hs:24: not ok: FROM --platform=$TARGETPLATFORM */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3065", "FROM --platform=$TARGETPLATFORM alpine:3.24\n"))
        .isPositive();
  }

  /** hadolint DL3065Spec.hs:25: not ok: FROM --platform=$TARGETPLATFORM */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3065", "FROM --platform=${TARGETPLATFORM} alpine:3.24\n"))
        .isPositive();
  }

  /** hadolint DL3065Spec.hs:19: ok: FROM --platform not $TARGETPLATFORM */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3065", "FROM --platform=$FOOBAR alpine:3.24\n")).isZero();
  }
}
