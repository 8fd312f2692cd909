package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3057: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3057HealthcheckMissingTest {
  /** hadolint DL3057Spec.hs:73: warn when not inheriting with no HEALTHCHECK instruction */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3057", "FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n\n"))
        .isPositive();
  }

  /** hadolint DL3057Spec.hs:26: ok when HEALTHCHECK is explicitly disabled */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3057", "FROM scratch\nHEALTHCHECK NONE\n\n")).isZero();
  }

  /** hadolint DL3057Spec.hs:33: ok with one HEALTHCHECK instruction */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3057", "FROM scratch\nHEALTHCHECK CMD /bin/bla\n\n")).isZero();
  }
}
