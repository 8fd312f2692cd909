package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3028: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3028GemPinTest {
  /** hadolint DL3028Spec.hs:22: multi */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3028", "RUN gem i bunlder:1 nokogiri\n")).isPositive();
  }

  /** hadolint DL3028Spec.hs:28: unpinned */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3028", "RUN gem install bundler\n")).isPositive();
  }

  /** hadolint DL3028Spec.hs:19: pinned */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3028", "RUN gem i bundler:1\n")).isZero();
  }

  /** hadolint DL3028Spec.hs:31: pinned */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3028", "RUN gem install bundler:1\n")).isZero();
  }

  /** hadolint DL3028Spec.hs:40: does not warn on --version with = */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3028", "RUN gem install bundler --version='2.0.1'\n")).isZero();
  }
}
