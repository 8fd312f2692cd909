package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3059: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3059ConsecutiveRunsTest {
  /** hadolint DL3059Spec.hs:23: not ok with two `RUN`s separated by a comment */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3059", "RUN /foo.sh\n# a comment\nRUN /bar.sh\n")).isPositive();
  }

  /** hadolint DL3059Spec.hs:25: not ok with two `RUN`s separated by two comment */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3059", "RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh\n"))
        .isPositive();
  }

  /** hadolint DL3059Spec.hs:41: not ok with two consecutive `RUN`s when flags are equal */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3059",
                "RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n\n"))
        .isPositive();
  }

  /** hadolint DL3059Spec.hs:15: ok with no `RUN` at all */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3059", "FROM debian:10\n")).isZero();
  }

  /** hadolint DL3059Spec.hs:36: ok with two consecutive `RUN`s when flags are different 2 */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3059",
                "RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n\n"))
        .isZero();
  }

  /** hadolint DL3059Spec.hs:47: ok with two consecutive `RUN`s when commands are chained 1 */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3059", "RUN foo && bar\nRUN foobar\n\n")).isZero();
  }
}
