package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3046: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3046UseraddLongUidTest {
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3046", "FROM debian:12\nRUN useradd -u 123456 app"))
        .isPositive();
  }

  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3046", "FROM debian:12\nRUN useradd -l -u 123456 app")).isZero();
  }
}
