package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3024: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3024UniqueStageNamesTest {
  /** hadolint DL3024Spec.hs:29: don't warn on unique aliases */
  @Test
  void passes1() {
    assertThat(
            RuleTester.count(
                "DL3024", "FROM scratch as build\nRUN foo\nFROM node as run\nRUN baz\n\n"))
        .isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(
            RuleTester.count(
                "DL3024", "FROM debian:12 AS build\nRUN a\nFROM debian:12 AS build\nRUN b"))
        .isPositive();
  }
}
