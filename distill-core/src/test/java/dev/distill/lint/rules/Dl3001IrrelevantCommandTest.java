package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3001: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3001IrrelevantCommandTest {
  /** hadolint DL3001Spec.hs:14: invalid cmd */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3001", "RUN top\n")).isPositive();
  }

  /** hadolint DL3001Spec.hs:15: invalid cmd */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3001", "ONBUILD RUN top\n")).isEqualTo(1L);
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownPass0() {
    assertThat(RuleTester.count("DL3001", "FROM debian:12\nRUN echo top")).isZero();
  }
}
