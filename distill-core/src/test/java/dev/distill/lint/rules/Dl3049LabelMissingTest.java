package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DL3049: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3049LabelMissingTest {
  /** hadolint DL3049Spec.hs:19: not ok: single stage, no label */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3049",
                "FROM baseimage\n",
                RuleTester.withLabels(Map.of("foo", "RawText"), false)))
        .isPositive();
  }

  /** hadolint DL3049Spec.hs:22: not ok: single stage, wrong label */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3049",
                "FROM baseimage\nLABEL bar=\"baz\"\n",
                RuleTester.withLabels(Map.of("foo", "RawText"), false)))
        .isPositive();
  }

  /** hadolint DL3049Spec.hs:23: not ok: single stage, wrong label */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3049",
                "FROM baseimage\nLABEL bar=\"baz\"\n",
                RuleTester.withLabels(Map.of("foo", "RawText"), false)))
        .isEqualTo(1L);
  }

  /** hadolint DL3049Spec.hs:25: ok: single stage, label present */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3049",
                "FROM baseimage\nLABEL foo=\"bar\"\n",
                RuleTester.withLabels(Map.of("foo", "RawText"), false)))
        .isZero();
  }

  /** hadolint DL3049Spec.hs:26: ok: single stage, label present */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3049",
                "FROM baseimage\nLABEL foo=\"bar\"\n",
                RuleTester.withLabels(Map.of("foo", "RawText"), false)))
        .isZero();
  }

  /**
   * hadolint DL3049Spec.hs:88: don't warn: two stages, inheritance, label defined in second stage
   */
  @Test
  void passes6() {
    assertThat(
            RuleTester.count(
                "DL3049",
                "FROM baseimage as base\nFROM base\nLABEL foo=\"bar\"\n\n",
                RuleTester.withLabels(Map.of("foo", "RawText"), false)))
        .isZero();
  }
}
