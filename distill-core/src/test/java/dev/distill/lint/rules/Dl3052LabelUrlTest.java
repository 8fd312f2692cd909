package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DL3052: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3052LabelUrlTest {
  /** hadolint DL3052Spec.hs:16: not ok with label not containing URL */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3052",
                "LABEL urllabel=\"not-url\"\n",
                RuleTester.withLabels(Map.of("urllabel", "Url"), false)))
        .isPositive();
  }

  /** hadolint DL3052Spec.hs:19: ok with label containing URL */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3052",
                "LABEL urllabel=\"http://example.com\"\n",
                RuleTester.withLabels(Map.of("urllabel", "Url"), false)))
        .isZero();
  }

  /** hadolint DL3052Spec.hs:20: ok with label containing URL */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3052",
                "LABEL urllabel=\"http://example.com\"\n",
                RuleTester.withLabels(Map.of("urllabel", "Url"), false)))
        .isZero();
  }

  /** hadolint DL3052Spec.hs:22: ok with other label not containing URL */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3052",
                "LABEL other=\"foo\"\n",
                RuleTester.withLabels(Map.of("urllabel", "Url"), false)))
        .isZero();
  }
}
