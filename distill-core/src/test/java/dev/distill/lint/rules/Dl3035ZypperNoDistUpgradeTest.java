package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3035: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3035ZypperNoDistUpgradeTest {
  /** hadolint DL3035Spec.hs:17: not ok: zypper dist-upgrade */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3035", "ONBUILD RUN zypper dup\n")).isEqualTo(1L);
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownPass0() {
    assertThat(RuleTester.count("DL3035", "RUN zypper -n install httpd=2.4.24 && zypper clean"))
        .isZero();
  }
}
