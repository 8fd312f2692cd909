package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3006: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3006TagImageTest {
  /** hadolint DL3006Spec.hs:14: no untagged */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3006", "FROM debian\n")).isPositive();
  }

  /** hadolint DL3006Spec.hs:19: untagged digest is not an error */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3006", "FROM ruby:2\n")).isZero();
  }

  /** hadolint DL3006Spec.hs:33: local aliases are OK to be untagged */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3006",
                "FROM golang:1.9.3-alpine3.7 AS build\nONBUILD RUN foo\nFROM build as unit-test\nONBUILD RUN bar\nFROM alpine:3.7\nONBUILD RUN baz\n\n"))
        .isZero();
  }
}
