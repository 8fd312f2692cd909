package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DL3051: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3051LabelEmptyTest {
  /** hadolint DL3051Spec.hs:20: ok with label not empty */
  @Test
  void passes1() {
    assertThat(
            RuleTester.count(
                "DL3051",
                "LABEL emptylabel=\"foo\"\n",
                RuleTester.withLabels(Map.of("emptylabel", "RawText"), false)))
        .isZero();
  }

  /** hadolint DL3051Spec.hs:23: ok with other label empty */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3051",
                "LABEL other=\"\"\n",
                RuleTester.withLabels(Map.of("emptylabel", "RawText"), false)))
        .isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(
            RuleTester.count(
                "DL3051",
                "LABEL emptylabel=\"\"",
                RuleTester.withLabels(Map.of("emptylabel", "RawText"), false)))
        .isPositive();
  }
}
