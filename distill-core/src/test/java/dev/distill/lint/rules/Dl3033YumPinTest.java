package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3033: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3033YumPinTest {
  /** hadolint DL3033Spec.hs:16: not ok without yum version pinning */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3033", "ONBUILD RUN yum install -y tomcat && yum clean all\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3033Spec.hs:37: not ok without yum version pinning - modules */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3033", "RUN yum module install -y tomcat && yum clean all\n"))
        .isPositive();
  }

  /** hadolint DL3033Spec.hs:106: not ok with version as variable - different stages, new stage */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3033",
                "FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN yum -y install git-core-${version}\n\n"))
        .isPositive();
  }

  /** hadolint DL3033Spec.hs:19: ok with yum version pinning */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3033", "RUN yum install -y tomcat-9.2 && yum clean all\n"))
        .isZero();
  }

  /** hadolint DL3033Spec.hs:20: ok with yum version pinning */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3033", "RUN bash -c `# not even a yum command`\n")).isZero();
  }

  /** hadolint DL3033Spec.hs:21: ok with yum version pinning */
  @Test
  void passes6() {
    assertThat(
            RuleTester.count("DL3033", "ONBUILD RUN yum install -y tomcat-9.2 && yum clean all\n"))
        .isZero();
  }
}
