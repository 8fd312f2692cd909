package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3040: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3040DnfCleanTest {
  /** hadolint DL3040Spec.hs:15: no ok without dnf clean all */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3040", "RUN dnf install -y mariadb-10.4\n")).isPositive();
  }

  /** hadolint DL3040Spec.hs:18: no ok without dnf clean all */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3040", "ONBUILD RUN dnf install -y mariadb-10.4\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3040Spec.hs:19: no ok without dnf clean all */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3040", "ONBUILD RUN dnf in -y mariadb-10.4\n")).isEqualTo(1L);
  }

  /** hadolint DL3040Spec.hs:26: ok with dnf clean all */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3040", "RUN microdnf install -y mariadb-10.4 && microdnf clean all\n"))
        .isZero();
  }

  /** hadolint DL3040Spec.hs:28: ok with dnf clean all */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3040", "ONBUILD RUN dnf install -y mariadb-10.4 && dnf clean all\n"))
        .isZero();
  }

  /** hadolint DL3040Spec.hs:30: ok with dnf clean all */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3040", "ONBUILD RUN notdnf install mariadb\n")).isZero();
  }
}
