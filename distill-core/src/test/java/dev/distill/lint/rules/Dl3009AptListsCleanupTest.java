package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3009: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3009AptListsCleanupTest {
  /** hadolint DL3009Spec.hs:20: apt-get no cleanup */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3009", "FROM scratch\nRUN apt-get update && apt-get install python\n\n"))
        .isPositive();
  }

  /** hadolint DL3009Spec.hs:50: apt-get no cleanup in intermediate stage */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3009",
                "FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN hey!\n\n"))
        .isPositive();
  }

  /** hadolint DL3009Spec.hs:51: apt-get no cleanup in intermediate stage */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3009",
                "FROM ubuntu as foo\nONBUILD RUN apt-get update && apt-get install python\nFROM foo\nONBUILD RUN hey!\n\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3009Spec.hs:30: apt-get cleanup in stage image */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3009",
                "FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey!\n\n"))
        .isZero();
  }

  /** hadolint DL3009Spec.hs:78: apt-get cleanup */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3009",
                "FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n\n"))
        .isZero();
  }

  /** hadolint DL3009Spec.hs:82: don't warn: BuildKit cache mount to apt lists directory */
  @Test
  void passes6() {
    assertThat(
            RuleTester.count(
                "DL3009",
                "RUN --mount=type=cache,target=/var/lib/apt/lists \\    apt-get update && apt-get install python\n"))
        .isZero();
  }
}
