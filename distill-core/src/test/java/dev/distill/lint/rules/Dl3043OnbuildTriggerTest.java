package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3043: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3043OnbuildTriggerTest {
  /** hadolint DL3043Spec.hs:23: error when using `FROM` within `ONBUILD` */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3043", "ONBUILD FROM debian:buster\n\n")).isPositive();
  }

  /** hadolint DL3043Spec.hs:28: error when using `MAINTAINER` within `ONBUILD` */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3043", "ONBUILD MAINTAINER \"BoJack Horseman\"\n\n"))
        .isPositive();
  }

  /** hadolint DL3043Spec.hs:30: ok with `USER` */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3043", "ONBUILD USER anything\n")).isZero();
  }

  /** hadolint DL3043Spec.hs:31: ok with `LABEL` */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3043", "ONBUILD LABEL bla=\"blubb\"\n")).isZero();
  }

  /** hadolint DL3043Spec.hs:32: ok with `STOPSIGNAL` */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3043", "ONBUILD STOPSIGNAL anything\n")).isZero();
  }
}
