package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3062: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3062GoPinTest {
  /** hadolint DL3062Spec.hs:15: go version not pinned */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3062", "ONBUILD RUN go install example.com/pkg\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3062Spec.hs:17: go version pinned as latest */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3062", "RUN go install example.com/pkg@latest\n")).isPositive();
  }

  /** hadolint DL3062Spec.hs:39: go version pinned as latest */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3062", "ONBUILD RUN go get example.com/pkg@latest\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3062Spec.hs:27: go install with local relative path */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3062", "RUN go install ./app/foobar\n")).isZero();
  }

  /** hadolint DL3062Spec.hs:28: go install with local relative path */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3062", "ONBUILD RUN go install ./app/foobar\n")).isZero();
  }

  /** hadolint DL3062Spec.hs:30: go install local dir */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3062", "RUN go install .\n")).isZero();
  }
}
