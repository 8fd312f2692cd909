package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3018: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3018ApkPinTest {
  /** hadolint DL3018Spec.hs:73: apk add version pinned regression - one missed */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3018",
                "RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5\n\n"))
        .isPositive();
  }

  /** hadolint DL3018Spec.hs:74: apk add version pinned regression - one missed */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3018",
                "ONBUILD RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5\n\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3018Spec.hs:17: apk add no version pinning single */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3018", "RUN apk add flex=2.6.4-r1\n")).isZero();
  }

  /** hadolint DL3018Spec.hs:18: apk add no version pinning single */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3018", "ONBUILD RUN apk add flex=2.6.4-r1\n")).isZero();
  }

  /** hadolint DL3018Spec.hs:22: apk add tilde version pinning single */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3018", "ONBUILD RUN apk add --no-cache git~2.52.0\n")).isZero();
  }
}
