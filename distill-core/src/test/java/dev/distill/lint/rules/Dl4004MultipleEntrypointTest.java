package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL4004: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl4004MultipleEntrypointTest {
  /** hadolint DL4004Spec.hs:33: single entrypoint, different stages */
  @Test
  void passes1() {
    assertThat(
            RuleTester.count(
                "DL4004",
                "FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nFROM debian as distro2\nENTRYPOINT another\n\n"))
        .isZero();
  }

  /** distill's own example, for the side hadolint's spec does not show. */
  @Test
  void ownFail0() {
    assertThat(RuleTester.count("DL4004", "FROM debian:12\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]"))
        .isPositive();
  }
}
