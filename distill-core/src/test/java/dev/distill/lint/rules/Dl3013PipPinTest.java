package dev.distill.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DL3013: examples from hadolint's spec where it has them, each a Dockerfile that must or must not
 * trip the rule.
 */
class Dl3013PipPinTest {
  /** hadolint DL3013Spec.hs:38: pip version not pinned */
  @Test
  void reports1() {
    assertThat(RuleTester.count("DL3013", "ONBUILD RUN pip install MySQL_python\n")).isEqualTo(1L);
  }

  /** hadolint DL3013Spec.hs:86: pip install unversioned git */
  @Test
  void reports2() {
    assertThat(
            RuleTester.count(
                "DL3013",
                "RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext\n"))
        .isPositive();
  }

  /** hadolint DL3013Spec.hs:95: pip install unversioned git */
  @Test
  void reports3() {
    assertThat(
            RuleTester.count(
                "DL3013",
                "ONBUILD RUN pip install git+ssh://github.com/rtfd/read-ext.git#egg=read-ext\n"))
        .isEqualTo(1L);
  }

  /** hadolint DL3013Spec.hs:20: pip3 version pinned */
  @Test
  void passes4() {
    assertThat(RuleTester.count("DL3013", "RUN pip3 install MySQL_python==1.2.2\n")).isZero();
  }

  /** hadolint DL3013Spec.hs:21: pip3 version pinned */
  @Test
  void passes5() {
    assertThat(RuleTester.count("DL3013", "ONBUILD RUN pip3 install MySQL_python==1.2.2\n"))
        .isZero();
  }

  /** hadolint DL3013Spec.hs:23: pip3 install from local package */
  @Test
  void passes6() {
    assertThat(RuleTester.count("DL3013", "RUN pip3 install mypkg.whl\n")).isZero();
  }
}
