package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DL3054: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3054LabelSpdxTest {
  /** hadolint DL3054Spec.hs:20: ok with label containing SPDX identifier */
  @Test
  void passes1() {
    assertThat(
            RuleTester.count(
                "DL3054",
                "LABEL spdxlabel=\"BSD-3-Clause\"\n",
                RuleTester.withLabels(Map.of("spdxlabel", "Spdx"), false)))
        .isZero();
  }

  /** hadolint DL3054Spec.hs:21: ok with label containing SPDX identifier */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3054",
                "LABEL spdxlabel=\"MIT\"\n",
                RuleTester.withLabels(Map.of("spdxlabel", "Spdx"), false)))
        .isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(
            RuleTester.count(
                "DL3054",
                "LABEL spdxlabel=\"not-spdx\"",
                RuleTester.withLabels(Map.of("spdxlabel", "Spdx"), false)))
        .isPositive();
  }
}
