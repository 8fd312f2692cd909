package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3066: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3066NumericUserTest {
  /** hadolint DL3066Spec.hs:23: not ok: non-numeric UID */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3066", "USER foobar\n")).isPositive();
  }

  /** hadolint DL3066Spec.hs:30: ok: UID is non-numeric, but is a defined ARG */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3066", "ARG APP_UID\nFROM foobar:barfoo\nUSER ${APP_UID}\n\n"))
        .isZero();
  }

  /**
   * distill's own examples: names (root too) are reported, numeric ids and user:group ids are not.
   */
  @Test
  void ownExamples() {
    assertThat(RuleTester.count("DL3066", "FROM debian:12\nUSER root")).isEqualTo(1L);
    assertThat(RuleTester.count("DL3066", "FROM debian:12\nUSER 65532:65532")).isZero();
  }
}
