package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3061: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3061InstructionOrderTest {
  /** hadolint DL3061Spec.hs:15: warn: label before from */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3061", "LABEL foo=bar\nFROM foo\n")).isPositive();
  }

  /** hadolint DL3061Spec.hs:19: don't warn: from before label */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3061", "FROM foo\nLABEL foo=bar\n")).isZero();
  }

  /** hadolint DL3061Spec.hs:20: don't warn: from before label */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3061", "FROM foo\nLABEL foo=bar\n")).isZero();
  }

  /** hadolint DL3061Spec.hs:23: don't warn: ARG then FROM then LABEL */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3061", "ARG A=B\nFROM foo\nLABEL foo=bar\n")).isZero();
  }
}
