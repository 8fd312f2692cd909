package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3012: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3012SingleHealthcheckTest {
  /** hadolint DL3012Spec.hs:20: warn with two HEALTHCHECK instructions */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3012", "FROM scratch\nHEALTHCHECK CMD /bin/bla1\nHEALTHCHECK CMD /bin/bla2\n"))
        .isPositive();
  }

  /** hadolint DL3012Spec.hs:16: ok with one HEALTHCHECK instruction */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3012", "FROM scratch\nHEALTHCHECK CMD /bin/bla\n")).isZero();
  }

  /** hadolint DL3012Spec.hs:18: ok with two HEALTHCHECK instructions in two stages */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3012",
                "FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2\n"))
        .isZero();
  }
}
