package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL4001: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl4001WgetOrCurlTest {
  /** hadolint DL4001Spec.hs:26: warns when using both wget and curl in same instruction */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count("DL4001", "FROM node as foo\nRUN wget my.xyz && curl localhost\n\n"))
        .isPositive();
  }

  /** hadolint DL4001Spec.hs:57: only warns on the relevant RUN instruction */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL4001", "FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\n\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL4001Spec.hs:69: only warns on many relevant RUN instructions */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL4001",
                "FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n\n"))
        .isEqualTo(2L);
  }

  /** hadolint DL4001Spec.hs:40: does not warn when using both curl and wget in different stages */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL4001",
                "FROM node as foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n\n"))
        .isZero();
  }
}
