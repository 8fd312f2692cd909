package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3027: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3027NoAptTest {
  /** hadolint DL3027Spec.hs:21: apt */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3027", "FROM ubuntu\nONBUILD RUN apt install python\n\n"))
        .isEqualTo(1L);
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownPass0() {
    assertThat(RuleTester.count("DL3027", "FROM debian:12\nRUN apt-get install -y curl")).isZero();
  }
}
