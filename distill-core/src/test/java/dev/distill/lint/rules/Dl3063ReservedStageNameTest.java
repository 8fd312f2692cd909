package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3063: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3063ReservedStageNameTest {
  /** hadolint DL3063Spec.hs:14: not ok: stage name `scratch` */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3063", "FROM foo:bar AS scratch\n")).isPositive();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownPass0() {
    assertThat(RuleTester.count("DL3063", "FROM foo:bar AS build")).isZero();
  }
}
