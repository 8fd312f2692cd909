package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3021: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3021CopyDestinationSlashTest {
  /**
   * hadolint PragmaSpec.hs:63: ignores multiple rules correctly, even with some extra whitespace
   */
  @Test
  void passes1() {
    assertThat(
            RuleTester.count(
                "DL3021",
                "FROM node as foo\n# hadolint ignore=DL3023, DL3021\nCOPY --from=foo bar baz .\n\n"))
        .isZero();
  }

  /**
   * hadolint PragmaSpec.hs:123: ignores multiple rules correctly, even with some extra whitespace
   */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3021",
                "# hadolint global ignore = DL3023 , DL3021\nFROM node as foo\nCOPY --from=foo bar baz .\n\n"))
        .isZero();
  }

  /** hadolint DL3021Spec.hs:13: no warn on 2 args */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3021", "COPY foo bar\n")).isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(RuleTester.count("DL3021", "FROM debian:12\nCOPY a b /opt/dest")).isPositive();
  }
}
