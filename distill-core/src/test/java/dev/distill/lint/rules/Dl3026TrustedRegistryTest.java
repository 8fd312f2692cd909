package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3026: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3026TrustedRegistryTest {
  /** hadolint DL3026Spec.hs:95: does warn on copy from untrusted registry */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3026",
                "COPY --from=untrusted.com/repo/image:tag /foo /bar\n\n",
                RuleTester.withRegistries("trusted.com")))
        .isPositive();
  }

  /** hadolint DL3026Spec.hs:116: warn on run with cache mount from untrusted registry */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3026",
                "RUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar\n\n",
                RuleTester.withRegistries("trusted.com")))
        .isPositive();
  }

  /** hadolint DL3026Spec.hs:19: does not warn on empty allowed registries */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3026", "FROM random.com/debian\n\n")).isZero();
  }

  /** hadolint DL3026Spec.hs:35: does not warn on allowed registries */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3026",
                "FROM random.com/debian\n\n",
                RuleTester.withRegistries("x.com", "random.com")))
        .isZero();
  }

  /** hadolint DL3026Spec.hs:53: allows all forms of docker.io */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3026",
                "FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n\n",
                RuleTester.withRegistries("docker.io")))
        .isZero();
  }
}
