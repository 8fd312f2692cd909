package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3045: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3045CopyRelativeWithoutWorkdirTest {
  /**
   * hadolint DL3045Spec.hs:62: not ok: `COPY` with relative destination and no `WORKDIR` set with
   * quotes
   */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3045", "COPY bla.sh \"blubb.sh\"\n")).isPositive();
  }

  /**
   * hadolint DL3045Spec.hs:86: not ok: `COPY` to relative destination if `WORKDIR` is set in a
   * previous stage but not inherited - windows
   */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3045",
                "FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore\nCOPY foo bar\n\n"))
        .isPositive();
  }

  /**
   * hadolint DL3045Spec.hs:87: not ok: `COPY` to relative destination if `WORKDIR` is set in a
   * previous stage but not inherited - windows
   */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3045",
                "FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore\nCOPY foo bar\n\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3045Spec.hs:14: ok: `COPY` with absolute destination and no `WORKDIR` set */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3045", "COPY bla.sh /usr/local/bin/blubb.sh\n")).isZero();
  }

  /**
   * hadolint DL3045Spec.hs:19: ok: `COPY` with absolute destination and no `WORKDIR` set with
   * quotes
   */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3045", "COPY bla.sh \"/usr/local/bin/blubb.sh\"\n")).isZero();
  }

  /**
   * hadolint DL3045Spec.hs:22: ok: `COPY` with absolute destination and no `WORKDIR` set - windows
   */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3045", "COPY bla.sh c:\\system32\\blubb.sh\n")).isZero();
  }
}
