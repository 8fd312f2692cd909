package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3008: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3008AptPinTest {
  /** hadolint DL3008Spec.hs:16: apt-get version pinning */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3008", "ONBUILD RUN apt-get update && apt-get install python\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3008Spec.hs:25: apt-get pinned chained */
  @Test
  void passes2() {
    assertThat(
            RuleTester.count(
                "DL3008",
                "ONBUILD RUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*\n\n"))
        .isZero();
  }

  /** hadolint DL3008Spec.hs:36: apt-get pinned regression */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL3008",
                "RUN apt-get update && apt-get install --no-install-recommends -y \\\npython-demjson=2.2.2* \\\nwget=1.16.1* \\\ngit=1:2.5.0* \\\nruby=1:2.1.*\n\n"))
        .isZero();
  }

  /** hadolint DL3008Spec.hs:40: apt-get version */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3008", "ONBUILD RUN apt-get install -y python=1.2.2\n"))
        .isZero();
  }
}
