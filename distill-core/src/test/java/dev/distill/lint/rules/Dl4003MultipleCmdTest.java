package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL4003: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl4003MultipleCmdTest {
  /** hadolint DL4003Spec.hs:21: many cmds */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL4003", "FROM debian\nCMD bash\nRUN foo\nCMD another\n\n"))
        .isPositive();
  }

  /** hadolint DL4003Spec.hs:31: single cmds, different stages */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL4003",
                "FROM debian as distro1\nCMD bash\nRUN foo\nFROM debian as distro2\nCMD another\n\n"))
        .isZero();
  }

  /** hadolint DL4003Spec.hs:44: single cmd */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL4003", "CMD /bin/true\n")).isZero();
  }
}
