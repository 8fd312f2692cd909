package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3041: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3041DnfPinTest {
  /** hadolint DL3041Spec.hs:17: not ok without dnf version pinning */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3041", "RUN microdnf install -y tomcat && microdnf clean all\n"))
        .isPositive();
  }

  /** hadolint DL3041Spec.hs:18: not ok without dnf version pinning */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3041", "ONBUILD RUN dnf install -y tomcat && dnf clean all\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3041Spec.hs:22: not ok without dnf version pinning - package name with `-` */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count("DL3041", "RUN microdnf install -y rpm-sign && microdnf clean all\n"))
        .isPositive();
  }

  /** hadolint DL3041Spec.hs:26: ok with dnf version pinning */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3041", "RUN dnf install -y tomcat-9.0.1 && dnf clean all\n"))
        .isZero();
  }

  /** hadolint DL3041Spec.hs:27: ok with dnf version pinning */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3041", "RUN microdnf install -y tomcat-9.0.1 && microdnf clean all\n"))
        .isZero();
  }

  /** hadolint DL3041Spec.hs:32: ok with version pinning if command is not `dnf` or `microdnf` */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3041", "RUN notdnf install openssl-1:1.1.1k\n")).isZero();
  }
}
