package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3037: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3037ZypperPinTest {
  /** hadolint DL3037Spec.hs:17: not ok without zypper version pinning */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3037", "ONBUILD RUN zypper install -y tomcat && zypper clean\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3037Spec.hs:23: ok with different variants of zypper version pinning */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3037", "RUN zypper install -y tomcat\\<9.0 && zypper clean\n"))
        .isZero();
  }

  /** hadolint DL3037Spec.hs:24: ok with different variants of zypper version pinning */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3037", "RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean\n"))
        .isZero();
  }

  /** hadolint DL3037Spec.hs:27: ok with different variants of zypper version pinning */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3037", "ONBUILD RUN zypper install -y tomcat\\>9.0 && zypper clean\n"))
        .isZero();
  }
}
