package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3002: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3002LastUserRootTest {
  /** hadolint PragmaSpec.hs:29: ignores only the given rule */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3002", "FROM scratch\n# hadolint ignore=DL3001\nUSER root\n\n"))
        .isPositive();
  }

  /** hadolint PragmaSpec.hs:45: ignores the rule only if directly above the instruction */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3002", "# hadolint ignore=DL3001,DL3002\nFROM ubuntu\nUSER root\n\n"))
        .isPositive();
  }

  /** hadolint PragmaSpec.hs:53: won't ignore the rule if passed invalid rule names */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3002", "FROM scratch\n# hadolint ignore=crazy,DL3002\nUSER root\n\n"))
        .isPositive();
  }

  /** hadolint PragmaSpec.hs:21: ignores single rule */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3002", "FROM ubuntu\n# hadolint ignore=DL3002\nUSER root\n\n"))
        .isZero();
  }

  /** hadolint PragmaSpec.hs:141: ingore pragma with comment */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3002", "FROM ubuntu\n# hadolint ignore=DL3002 # foobar\nUSER root\n\n"))
        .isZero();
  }
}
