package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3032: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3032YumCleanTest {
  /** hadolint DL3032Spec.hs:14: not ok with no clean all */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3032", "RUN yum install -y mariadb-10.4\n")).isPositive();
  }

  /** hadolint DL3032Spec.hs:26: not ok with clean before install */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3032", "RUN yum clean all && yum install -y\n")).isPositive();
  }

  /** hadolint DL3032Spec.hs:19: ok with yum clean all */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3032", "ONBUILD RUN yum install -y mariadb-10.4 && yum clean all\n"))
        .isZero();
  }

  /** hadolint DL3032Spec.hs:20: ok with yum clean all */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3032", "ONBUILD RUN bash -c `# not even a yum command`\n"))
        .isZero();
  }

  /** hadolint DL3032Spec.hs:23: ok with rm -rf /var/cache/yum/* */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3032", "ONBUILD RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n"))
        .isZero();
  }
}
