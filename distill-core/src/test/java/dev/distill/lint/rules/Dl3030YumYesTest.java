package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3030: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3030YumYesTest {
  /** hadolint DL3030Spec.hs:14: not ok when not using `-y` switch */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count("DL3030", "ONBUILD RUN yum install httpd-2.4.24 && yum clean all\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3030Spec.hs:16: ok when using `-y` switch */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3030", "RUN yum install -y httpd-2.4.24 && yum clean all\n"))
        .isZero();
  }

  /** hadolint DL3030Spec.hs:18: ok when using `-y` switch */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3030", "ONBUILD RUN yum install -y httpd-2.4.24 && yum clean all\n"))
        .isZero();
  }

  /** hadolint DL3030Spec.hs:19: ok when using `-y` switch */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3030", "ONBUILD RUN bash -c `# not even a yum command`\n"))
        .isZero();
  }
}
