package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL4006: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl4006PipefailTest {
  /** hadolint DL4006Spec.hs:93: warn on missing pipefail in the next image */
  @Test
  void reports1() {
    assertThat(
            RuleTester.count(
                "DL4006",
                "FROM scratch as build\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN wget -O - https://some.site | wc -l file > /number\nFROM scratch as build2\nRUN wget -O - https://some.site | wc -l file > /number\n\n"))
        .isPositive();
  }

  /** hadolint RegressionSpec.hs:26: Comments with backslashes at the end are just comments */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL4006",
                "FROM alpine:3.6\n# The following comment makes hadolint still complain about DL4006\n# \\\n# should solve DL4006\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\n# RUN with pipe. causes DL4006, but should be fixed by above SHELL\nRUN echo \"kaka\" | sed 's/a/o/g' >> /root/afile\n\n"))
        .isPositive();
  }

  /** hadolint DL4006Spec.hs:25: don't warn on commands with no pipes */
  @Test
  void passes3() {
    assertThat(
            RuleTester.count(
                "DL4006",
                "FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n\n"))
        .isZero();
  }

  /** hadolint DL4006Spec.hs:39: don't warn on commands with pipes and the pipefail option 2 */
  @Test
  void passes4() {
    assertThat(
            RuleTester.count(
                "DL4006",
                "FROM scratch as build\nSHELL [\"/bin/bash\", \"-e\", \"-o\", \"pipefail\", \"-c\"]\nRUN wget -O - https://some.site | wc -l file > /number\n\n"))
        .isZero();
  }

  /** hadolint DL4006Spec.hs:46: don't warn on commands with pipes and the pipefail option 3 */
  @Test
  void passes5() {
    assertThat(
            RuleTester.count(
                "DL4006",
                "FROM scratch as build\nSHELL [\"/bin/bash\", \"-o\", \"errexit\", \"-o\", \"pipefail\", \"-c\"]\nRUN wget -O - https://some.site | wc -l file > /number\n\n"))
        .isZero();
  }
}
