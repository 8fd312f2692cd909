package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DL3056: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3056LabelSemverTest {
  /** hadolint DL3056Spec.hs:21: ok with label containing semantic version */
  @Test
  void passes1() {
    assertThat(
            RuleTester.count(
                "DL3056",
                "LABEL semver=\"2.0.1-rc1\"\n",
                RuleTester.withLabels(Map.of("semver", "SemVer"), false)))
        .isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(
            RuleTester.count(
                "DL3056",
                "LABEL semver=\"1.0\"",
                RuleTester.withLabels(Map.of("semver", "SemVer"), false)))
        .isPositive();
  }
}
