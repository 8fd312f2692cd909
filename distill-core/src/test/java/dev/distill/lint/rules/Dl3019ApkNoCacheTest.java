package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3019: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3019ApkNoCacheTest {
  /** hadolint DL3019Spec.hs:16: warn: apk add without --no-cache */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3019", "RUN apk add flex=2.6.4-r1\n")).isPositive();
  }

  /** hadolint DL3019Spec.hs:17: warn: apk add without --no-cache */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3019", "ONBUILD RUN apk add flex=2.6.4-r1\n")).isEqualTo(1L);
  }

  /** hadolint DL3019Spec.hs:46: warn: apk add with BuildKit cache mount to wrong dir */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3019", "RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0\n"))
        .isPositive();
  }

  /** hadolint DL3019Spec.hs:28: don't warn: apk add with BuildKit cache mount */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3019", "RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n"))
        .isZero();
  }

  /** hadolint DL3019Spec.hs:34: don't warn: apk add with BuildKit tmpfs mount */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3019", "RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0\n"))
        .isZero();
  }

  /** hadolint DL3019Spec.hs:35: don't warn: apk add with BuildKit tmpfs mount */
  @Test
  void passes6() {
    assertThat(
            RuleTester.count(
                "DL3019",
                "ONBUILD RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0\n"))
        .isZero();
  }
}
