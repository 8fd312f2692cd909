package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3022: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3022CopyFromKnownStageTest {
  /** hadolint DL3022Spec.hs:14: warn on missing alias */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3022", "COPY --from=foo bar .\n")).isPositive();
  }

  /** hadolint DL3022Spec.hs:22: warn on alias defined after */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3022", "FROM scratch\nCOPY --from=build foo .\nFROM node as build\nRUN baz\n\n"))
        .isPositive();
  }

  /** hadolint DL3022Spec.hs:33: warn on invalid stage count as --from=<count> */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3022", "COPY --from=0 bar .\n")).isPositive();
  }

  /** hadolint DL3022Spec.hs:41: don't warn on valid stage count as --from=<count> */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL3022", "FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=0 foo .\n\n"))
        .isZero();
  }
}
