package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3060: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3060YarnCacheCleanTest {
  /** hadolint DL3060Spec.hs:24: not ok with clean before install */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3060", "RUN yarn cache clean && yarn install foo\n"))
        .isPositive();
  }

  /** hadolint DL3060Spec.hs:41: not ok when cache mount is in wrong location */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3060", "RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar\n"))
        .isPositive();
  }

  /** hadolint DL3060Spec.hs:42: not ok when cache mount is in wrong location */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3060",
                "ONBUILD RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3060Spec.hs:15: ok with non-yarn commands */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3060", "RUN foo\n")).isZero();
  }

  /** hadolint DL3060Spec.hs:16: ok with non-yarn commands */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3060", "ONBUILD RUN foo\n")).isZero();
  }

  /** hadolint DL3060Spec.hs:21: ok with cache clean */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3060", "RUN yarn install bar && yarn cache clean\n")).isZero();
  }
}
