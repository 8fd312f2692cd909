package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3038: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3038DnfYesTest {
  /** hadolint DL3038Spec.hs:14: not ok without dnf non-interactive flag */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3038", "RUN dnf install httpd-2.4.24 && dnf clean all\n"))
        .isPositive();
  }

  /** hadolint DL3038Spec.hs:15: not ok without dnf non-interactive flag */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count("DL3038", "RUN microdnf install httpd-2.4.24 && microdnf clean all\n"))
        .isPositive();
  }

  /** hadolint DL3038Spec.hs:16: not ok without dnf non-interactive flag */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count("DL3038", "ONBUILD RUN dnf install httpd-2.4.24 && dnf clean all\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3038Spec.hs:20: ok with dnf non-interactive flag */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3038", "RUN microdnf install -y httpd-2.4.24 && microdnf clean all\n"))
        .isZero();
  }

  /** hadolint DL3038Spec.hs:21: ok with dnf non-interactive flag */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3038", "RUN notdnf install httpd\n")).isZero();
  }

  /** hadolint DL3038Spec.hs:22: ok with dnf non-interactive flag */
  @Test
  void passes6() {
    assertThat(
            RuleTester.count(
                "DL3038", "ONBUILD RUN dnf install -y httpd-2.4.24 && dnf clean all\n"))
        .isZero();
  }
}
