package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3044: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3044EnvSelfReferenceTest {
  /**
   * hadolint DL3044Spec.hs:36: fail when referencing a variable on its own right side twice within
   * the same `ENV`
   */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3044", "ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n"))
        .isPositive();
  }

  /** hadolint DL3044Spec.hs:38: fail with selfreferencing with curly braces ENV */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3044", "ENV BLA=\"blubb\" BLUBB=\"${BLA}/blubb\"\n"))
        .isPositive();
  }

  /** hadolint DL3044Spec.hs:40: fail with selfreferencing without curly braces ENV */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3044", "ENV BLA=\"blubb\" BLUBB=\"$BLA/blubb\"\n")).isPositive();
  }

  /** hadolint DL3044Spec.hs:14: ok with normal ENV */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3044", "ENV BLA=\"blubb\"\nENV BLUBB=\"${BLA}/blubb\"\n"))
        .isZero();
  }

  /** hadolint DL3044Spec.hs:30: ok when previously defined in `ENV` */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3044", "ENV BLA blubb\nENV BLA=${BLA}\n")).isZero();
  }

  /** hadolint DL3044Spec.hs:32: ok with referencing a variable on its own right hand side */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3044", "ENV PATH=/bla:${PATH}\n")).isZero();
  }
}
