package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3020: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3020CopyNotAddTest {
  /** hadolint DL3020Spec.hs:20: warn for zip */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3020", "ADD file.zip /usr/src/app/\n")).isPositive();
  }

  /** hadolint DL3020Spec.hs:16: add for xz */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3020", "ADD file.xz /usr/src/app/\n")).isZero();
  }

  /** hadolint DL3020Spec.hs:17: add for tgz */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3020", "ADD file.tgz /usr/src/app/\n")).isZero();
  }

  /** hadolint DL3020Spec.hs:21: add for tgz with quotes */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3020", "ADD \"file.tgz\" /usr/src/app/\n")).isZero();
  }
}
