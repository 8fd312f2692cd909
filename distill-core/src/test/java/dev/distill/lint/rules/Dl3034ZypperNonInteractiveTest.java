package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3034: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3034ZypperNonInteractiveTest {
  /** hadolint DL3034Spec.hs:17: ok with non-interactive switch present */
  @Test
  void passes1() {
    assertThat(RuleTester.count("DL3034", "RUN zypper install -n httpd=2.4.24 && zypper clean\n"))
        .isZero();
  }

  /** hadolint DL3034Spec.hs:18: ok with non-interactive switch present */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3034", "RUN zypper install --non-interactive httpd=2.4.24 && zypper clean\n"))
        .isZero();
  }

  /** hadolint DL3034Spec.hs:19: ok with non-interactive switch present */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3034", "RUN zypper install -y httpd=2.4.24 && zypper clean\n"))
        .isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(RuleTester.count("DL3034", "RUN zypper install httpd=2.4.24 && zypper clean"))
        .isPositive();
  }
}
