package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3003: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3003UseWorkdirTest {
  /** hadolint DL3003Spec.hs:13: ok using WORKDIR */
  @Test
  void passes1() {
    assertThat(RuleTester.count("DL3003", "WORKDIR /opt\n")).isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(RuleTester.count("DL3003", "FROM debian:12\nRUN cd /usr/src && make")).isPositive();
  }
}
