package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL4000: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl4000MaintainerDeprecatedTest {
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL4000", "FROM debian:12\nMAINTAINER someone")).isPositive();
  }

  @Test
  void passes2() {
    assertThat(RuleTester.count("DL4000", "FROM debian:12\nLABEL maintainer=someone")).isZero();
  }
}
