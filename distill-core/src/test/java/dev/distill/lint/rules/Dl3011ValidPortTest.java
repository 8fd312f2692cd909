package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3011: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3011ValidPortTest {
  /** hadolint PragmaSpec.hs:82: stage ignore rule, but catch it in different stage 1 */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3011",
                "# hadolint stage ignore=DL3011\nFROM ubuntu\nEXPOSE 80000\nFROM ubuntu\nEXPOSE 80000\n\n"))
        .isPositive();
  }

  /** hadolint PragmaSpec.hs:92: stage ignore rule, but catch it in different stage 2 */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3011",
                "FROM ubuntu\nEXPOSE 80000\n# hadolint stage ignore=DL3011\nFROM ubuntu\nEXPOSE 80000\n\n"))
        .isPositive();
  }

  /** hadolint DL3011Spec.hs:14: invalid port */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3011", "EXPOSE 80000\n")).isPositive();
  }

  /** hadolint PragmaSpec.hs:72: ignore single rule */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3011", "# hadolint stage ignore=DL3011\nFROM ubuntu\nEXPOSE 80000\n\n"))
        .isZero();
  }

  /** hadolint PragmaSpec.hs:103: ignore multiple rules */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3011",
                "# hadolint stage ignore=DL3011,DL3002\nFROM ubuntu\nUSER root\nEXPOSE 80000\n\n"))
        .isZero();
  }

  /** hadolint DL3011Spec.hs:15: valid port */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3011", "EXPOSE 60000\n")).isZero();
  }
}
