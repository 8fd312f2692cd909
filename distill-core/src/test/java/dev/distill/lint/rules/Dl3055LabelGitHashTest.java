package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DL3055: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3055LabelGitHashTest {
  /** hadolint DL3055Spec.hs:21: ok with label containing short git hash */
  @Test
  void passes1() {
    assertThat(
            RuleTester.count(
                "DL3055",
                "LABEL githash=\"2dbfae9\"\n",
                RuleTester.withLabels(Map.of("githash", "GitHash"), false)))
        .isZero();
  }

  /** hadolint DL3055Spec.hs:23: ok with label containing long git hash */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3055",
                "LABEL githash=\"43c572f1272b6b3171dd1db9e41b7027128ce080\"\n",
                RuleTester.withLabels(Map.of("githash", "GitHash"), false)))
        .isZero();
  }

  /** hadolint DL3055Spec.hs:24: ok with label containing long git hash */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3055",
                "LABEL githash=\"43c572f1272b6b3171dd1db9e41b7027128ce080\"\n",
                RuleTester.withLabels(Map.of("githash", "GitHash"), false)))
        .isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(
            RuleTester.count(
                "DL3055",
                "LABEL githash=\"not-a-hash\"",
                RuleTester.withLabels(Map.of("githash", "GitHash"), false)))
        .isPositive();
  }
}
