package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3067: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3067CopyWholeStageRootTest {
  /**
   * hadolint DL3067Spec.hs:15: warns when copying the root filesystem from another stage to root
   */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3067", "COPY --from=build / /\n")).isPositive();
  }

  /**
   * hadolint DL3067Spec.hs:27: does not warn when copying root from another stage into a
   * subdirectory
   */
  @Test
  void passes2() {
    assertThat(RuleTester.count("DL3067", "COPY --from=build / /app\n")).isZero();
  }
}
