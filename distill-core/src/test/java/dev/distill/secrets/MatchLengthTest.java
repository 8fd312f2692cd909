package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchLengthTest {
  @Test
  void longestMatch() {
    assertThat(MatchLength.of("abc")).isEqualTo(3);
    assertThat(MatchLength.of("\\bAKIA[A-Z0-9]{16}\\b")).isEqualTo(20);
    assertThat(MatchLength.of("(?i)(?:ab|cdef)x?")).isEqualTo(5);
    assertThat(MatchLength.of("a{2,7}[^x]")).isEqualTo(8);
    assertThat(MatchLength.of("(?P<name>ab)\\x60\\p{L}")).isEqualTo(4);
    assertThat(MatchLength.of("a+")).isEqualTo(MatchLength.UNBOUNDED);
    assertThat(MatchLength.of("a{3,}")).isEqualTo(MatchLength.UNBOUNDED);
    assertThat(MatchLength.of("(unclosed")).isEqualTo(MatchLength.UNBOUNDED);
  }

  @Test
  void programSizeExpandsCountedRepetition() {
    assertThat(MatchLength.programSize("(?:a{1,100}){1,100}z")).isGreaterThan(10_000);
    assertThat(MatchLength.programSize("(a+)+$")).isLessThan(10);
    assertThat(MatchLength.programSize("ab|cd")).isEqualTo(4);
  }

  @Test
  void newlinesAMatchCanContain() {
    assertThat(MatchLength.newlines("[a-z]+")).isZero();
    assertThat(MatchLength.newlines("key\\s{0,3}=")).isEqualTo(3);
    assertThat(MatchLength.newlines("a[^x]{2}")).isEqualTo(2);
    assertThat(MatchLength.newlines("a.{5}")).isZero();
    assertThat(MatchLength.newlines("(?s:.){0,4}")).isEqualTo(4);
    assertThat(MatchLength.newlines("BEGIN[\\s\\S-]{64,}?KEY")).isEqualTo(MatchLength.UNBOUNDED);
  }
}
