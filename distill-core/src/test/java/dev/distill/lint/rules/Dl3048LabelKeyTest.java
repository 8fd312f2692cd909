package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3048: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3048LabelKeyTest {
  /** hadolint DL3048Spec.hs:14: not ok with reserved namespace */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3048", "LABEL com.docker.label=\"foo\"\n")).isPositive();
  }

  /** hadolint DL3048Spec.hs:16: not ok with reserved namespace */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3048", "LABEL org.dockerproject.label=\"foo\"\n")).isPositive();
  }

  /** hadolint DL3048Spec.hs:17: not ok with reserved namespace */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3048", "LABEL com.docker.label=\"foo\"\n")).isEqualTo(1L);
  }

  /** hadolint DL3048Spec.hs:36: ok with valid labels */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3048", "LABEL org.valid-key.label3=\"foo\"\n")).isZero();
  }

  /** hadolint DL3048Spec.hs:37: ok with valid labels */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3048", "LABEL validlabel=\"foo\"\n")).isZero();
  }

  /** hadolint DL3048Spec.hs:38: ok with valid labels */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3048", "LABEL org.valid-key.label3=\"foo\"\n")).isZero();
  }
}
