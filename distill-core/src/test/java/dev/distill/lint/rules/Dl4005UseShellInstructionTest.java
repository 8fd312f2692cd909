package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL4005: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl4005UseShellInstructionTest {
  /** hadolint DL4005Spec.hs:14: RUN ln */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL4005", "RUN ln -sfv /bin/bash /bin/sh\n")).isPositive();
  }

  /** hadolint DL4005Spec.hs:17: RUN ln with unrelated symlinks */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL4005", "RUN ln -sf /bin/true /sbin/initctl\n")).isZero();
  }

  /** hadolint DL4005Spec.hs:18: RUN ln with unrelated symlinks */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL4005", "ONBUILD RUN ln -sf /bin/true /sbin/initctl\n")).isZero();
  }

  /** hadolint DL4005Spec.hs:20: RUN ln with multiple acceptable commands */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL4005", "RUN ln -s foo bar && unrelated && something_with /bin/sh\n"))
        .isZero();
  }
}
