package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3064: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3064SecretInArgOrEnvTest {
  /** hadolint DL3064Spec.hs:63: not ok: ARG with sensitive data, different casing */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count("DL3064", "ARG openai_api_key\nFROM debian:bullseye\nRUN foobar\n\n"))
        .isPositive();
  }

  /** hadolint DL3064Spec.hs:64: not ok: ARG with sensitive data, different casing */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3064", "ARG openai_api_key\nFROM debian:bullseye\nONBUILD RUN foobar\n\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3064Spec.hs:75: not ok: ENV with sensitive data */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3064",
                "FROM debian:bullseye\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz\nONBUILD RUN foobar\n\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3064Spec.hs:22: ok: no ARG, no ENV */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3064", "FROM debian:bullseye\nONBUILD RUN foobar\n\n")).isZero();
  }

  /** hadolint DL3064Spec.hs:31: ok: ARG no sensitive data, no ENV */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3064", "ARG foobar\nFROM debian:bullseye\nRUN foobar\n\n"))
        .isZero();
  }

  /** hadolint DL3064Spec.hs:32: ok: ARG no sensitive data, no ENV */
  @Test
  void passes6() {
    assertThat(
            RuleTester.count("DL3064", "ARG foobar\nFROM debian:bullseye\nONBUILD RUN foobar\n\n"))
        .isZero();
  }

  /** distill's own examples: secret-looking names in several spellings, and harmless ones. */
  @Test
  void ownExamples() {
    assertThat(
            RuleTester.count(
                "DL3064", "FROM debian:12\nARG GITHUB_TOKEN\nARG db_pass=x\nENV API_KEY=1"))
        .isEqualTo(3L);
    assertThat(
            RuleTester.count("DL3064", "FROM debian:12\nARG VERSION=1\nENV KEYBOARD=us PATH=/bin"))
        .isZero();
  }
}
