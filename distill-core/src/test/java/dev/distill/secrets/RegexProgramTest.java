package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

class RegexProgramTest {
  @Test
  void readsRe2jsProgramAndMatchesRunesAsRe2jDoes() {
    RegexProgram p = RegexProgram.read(Pattern.compile("(?i)k[a-f0-9]{2}x"));
    assertThat(p).as("RE2J's program is readable: the fast matchers depend on it").isNotNull();
    int classes = 0;
    for (int pc = 0; pc < p.size; pc++) {
      if (p.kind[pc] == RegexProgram.RUNE && !(p.insts[pc] instanceof Integer)) {
        classes++;
        // Through RE2J's own Inst.matchRune: ranges and case folding as RE2J has them.
        if (p.matches(pc, 'b')) {
          assertThat(p.matches(pc, 'B')).isTrue();
          assertThat(p.matches(pc, '7')).isTrue();
          assertThat(p.matches(pc, 'g')).isFalse();
          assertThat(p.matches(pc, '\n')).isFalse();
        }
      }
    }
    assertThat(classes).isPositive();
  }

  @Test
  void programsOfDifferentPatternsAreIndependent() {
    RegexProgram digits = RegexProgram.read(Pattern.compile("[0-9]+"));
    RegexProgram letters = RegexProgram.read(Pattern.compile("[a-z]+"));
    assertThat(accepts(digits, '5')).isTrue();
    assertThat(accepts(digits, 'q')).isFalse();
    assertThat(accepts(letters, 'q')).isTrue();
    assertThat(accepts(letters, '5')).isFalse();
  }

  private static boolean accepts(RegexProgram p, int rune) {
    for (int pc = 0; pc < p.size; pc++) {
      if (p.kind[pc] == RegexProgram.RUNE && p.matches(pc, rune)) {
        return true;
      }
    }
    return false;
  }
}
