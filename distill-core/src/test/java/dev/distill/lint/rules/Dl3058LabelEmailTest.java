package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DL3058: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3058LabelEmailTest {
  /** hadolint DL3058Spec.hs:18: not ok with label not containing valid email */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3058",
                "LABEL maintainer=\"not-email\"\n",
                RuleTester.withLabels(Map.of("maintainer", "Email"), false)))
        .isEqualTo(1L);
  }

  /** hadolint DL3058Spec.hs:20: ok with label containing valid email */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3058",
                "LABEL maintainer=\"abcd@google.com\"\n",
                RuleTester.withLabels(Map.of("maintainer", "Email"), false)))
        .isZero();
  }

  /** hadolint DL3058Spec.hs:21: ok with label containing valid email */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3058",
                "LABEL maintainer=\"abcd@google.com\"\n",
                RuleTester.withLabels(Map.of("maintainer", "Email"), false)))
        .isZero();
  }

  /** hadolint DL3058Spec.hs:23: ok with other label not containing valid email */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3058",
                "LABEL other=\"doo\"\n",
                RuleTester.withLabels(Map.of("maintainer", "Email"), false)))
        .isZero();
  }
}
