package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3036: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3036ZypperCleanTest {
  /** hadolint DL3036Spec.hs:15: not ok without zypper clean */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3036", "RUN zypper install -y mariadb=10.4\n")).isPositive();
  }

  /** hadolint DL3036Spec.hs:16: not ok without zypper clean */
  @Test
  void reports2() {
    assertThat(RuleTester.count("DL3036", "ONBUILD RUN zypper install -y mariadb=10.4\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3036Spec.hs:19: ok with zypper clean */
  @Test
  void passes3() {
    assertThat(RuleTester.count("DL3036", "RUN zypper install -y mariadb=10.4 && zypper clean\n"))
        .isZero();
  }

  /** hadolint DL3036Spec.hs:20: ok with zypper clean */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3036", "RUN zypper install -y mariadb=10.4 && zypper cc\n"))
        .isZero();
  }

  /** hadolint DL3036Spec.hs:31: ok when mount type cache is used */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL3036",
                "ONBUILD RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb\n"))
        .isZero();
  }
}
