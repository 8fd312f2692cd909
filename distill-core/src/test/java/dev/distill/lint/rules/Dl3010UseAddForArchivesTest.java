package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3010: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3010UseAddForArchivesTest {
  /** hadolint DL3010Spec.hs:20: catch: copy archive then extract 1 */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL3010",
                "COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n\n"))
        .isPositive();
  }

  /** hadolint DL3010Spec.hs:42: catch: copy archive then extract windows paths 1 */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3010",
                "COPY build\\foo\\bar.tar.gz \"C:\\Program Files\\Foo\"\nRUN tar -xf \"C:\\Program Files\\Foo\\bar.tar.gz\"\n\n"))
        .isPositive();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownPass0() {
    assertThat(RuleTester.count("DL3010", "COPY app.tar /usr/src/\nRUN echo done")).isZero();
  }
}
