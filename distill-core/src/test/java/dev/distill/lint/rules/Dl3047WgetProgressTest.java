package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3047: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3047WgetProgressTest {
  /**
   * hadolint DL3047Spec.hs:34: does not warn when running with -q (quiet short option) and without
   * --progress option
   */
  @Test
  void passes1() {
    assertThat(RuleTester.count("DL3047", "FROM node as foo\nONBUILD RUN wget -q my.xyz\n\n"))
        .isZero();
  }

  /**
   * hadolint DL3047Spec.hs:40: does not warn when running with --quiet (quiet long option) and
   * without --progress option
   */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3047", "FROM node as foo\nRUN wget --quiet my.xyz\n\n"))
        .isZero();
  }

  /**
   * hadolint DL3047Spec.hs:41: does not warn when running with --quiet (quiet long option) and
   * without --progress option
   */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3047", "FROM node as foo\nONBUILD RUN wget --quiet my.xyz\n\n"))
        .isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(RuleTester.count("DL3047", "FROM node as foo\nRUN wget my.xyz")).isPositive();
  }
}
