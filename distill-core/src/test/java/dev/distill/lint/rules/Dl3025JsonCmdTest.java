package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3025: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3025JsonCmdTest {
  /** hadolint DL3025Spec.hs:20: warn on ENTRYPOINT */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3025", "FROM node as foo\nENTRYPOINT something\n\n"))
        .isPositive();
  }

  /** hadolint DL3025Spec.hs:34: warn on CMD */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3025", "FROM node as foo\nCMD something\n\n")).isPositive();
  }

  /** hadolint DL3025Spec.hs:50: don't warn on HEALTHCHECK CMD json notation */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3025", "HEALTHCHECK CMD [ \"foobar\" ]\n\n")).isZero();
  }

  /** hadolint DL3025Spec.hs:60: don't warn on CMD JSON notation with broken long strings */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3025",
                "CMD [ \"/bin/sh\", \"-c\", \\\n      \"echo foo && \\\n       echo bar\" \\\n    ]\n\n"))
        .isZero();
  }
}
