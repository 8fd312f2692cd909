package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3016: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3016NpmPinTest {
  /** hadolint DL3016Spec.hs:96: version not pinned */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3016", "ONBUILD RUN npm install express\n")).isEqualTo(1L);
  }

  /** hadolint DL3016Spec.hs:99: version not pinned with scope */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3016", "ONBUILD RUN npm install @myorg/privatepackage\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3016Spec.hs:101: version not pinned multiple packages */
  @Test
  void reports3() {
    assertThat(RuleTester.count("DL3016", "RUN npm install express sax@0.1.1\n")).isPositive();
  }

  /** hadolint DL3016Spec.hs:14: version pinned in package.json */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3016", "ONBUILD RUN npm install\n")).isZero();
  }

  /** hadolint DL3016Spec.hs:17: version pinned in package.json with arguments */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3016", "ONBUILD RUN npm install --progress=false\n")).isZero();
  }

  /** hadolint DL3016Spec.hs:20: version pinned */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3016", "ONBUILD RUN npm install express@4.1.1\n")).isZero();
  }
}
