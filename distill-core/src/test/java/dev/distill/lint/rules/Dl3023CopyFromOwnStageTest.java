package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3023: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3023CopyFromOwnStageTest {
  /** hadolint DL3023Spec.hs:19: warn on copying from your the same FROM */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3023", "FROM node as foo\nCOPY --from=foo bar .\n\n"))
        .isPositive();
  }

  /**
   * hadolint PragmaSpec.hs:62: ignores multiple rules correctly, even with some extra whitespace
   */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3023",
                "FROM node as foo\n# hadolint ignore=DL3023, DL3021\nCOPY --from=foo bar baz .\n\n"))
        .isZero();
  }

  /**
   * hadolint PragmaSpec.hs:122: ignores multiple rules correctly, even with some extra whitespace
   */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3023",
                "# hadolint global ignore = DL3023 , DL3021\nFROM node as foo\nCOPY --from=foo bar baz .\n\n"))
        .isZero();
  }
}
