package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DL3050: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3050SuperfluousLabelTest {
  /** hadolint DL3050Spec.hs:27: not ok with just other label */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3050",
                "LABEL other=\"bar\"\n",
                RuleTester.withLabels(Map.of("required", "RawText"), true)))
        .isPositive();
  }

  /** hadolint DL3050Spec.hs:21: ok with no label */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3050", "\n", RuleTester.withLabels(Map.of("required", "RawText"), true)))
        .isZero();
  }
}
