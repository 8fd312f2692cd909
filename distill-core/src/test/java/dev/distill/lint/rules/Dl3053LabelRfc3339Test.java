package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DL3053: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3053LabelRfc3339Test {
  /** hadolint DL3053Spec.hs:17: not ok with label not containing RFC3339 date */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3053",
                "LABEL datelabel=\"not-date\"\n",
                RuleTester.withLabels(Map.of("datelabel", "Rfc3339"), false)))
        .isPositive();
  }

  /** hadolint DL3053Spec.hs:20: ok with label containing RFC3339 date */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3053",
                "LABEL datelabel=\"2021-03-10T10:26:33.564595127+01:00\"\n",
                RuleTester.withLabels(Map.of("datelabel", "Rfc3339"), false)))
        .isZero();
  }

  /** hadolint DL3053Spec.hs:23: ok with other label not containing RFC3339 date */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3053",
                "LABEL other=\"doo\"\n",
                RuleTester.withLabels(Map.of("datelabel", "Rfc3339"), false)))
        .isZero();
  }
}
