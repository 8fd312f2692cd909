package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3007: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3007LatestTagTest {
  /** hadolint DL3007Spec.hs:16: explicit latest with name */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3007", "FROM debian:latest AS builder\n")).isPositive();
  }

  /** hadolint DL3007Spec.hs:17: explicit tagged */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3007", "FROM debian:jessie\n")).isZero();
  }
}
