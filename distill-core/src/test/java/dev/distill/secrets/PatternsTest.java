package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternsTest {
  @Test
  void anyFoundInAnswersAsRe2jFindOnEachPattern() {
    List<Pattern> list =
        List.of(Pattern.compile("(?i)^true|false|null$"), Pattern.compile("^\\$\\{[A-Z_]+\\}$"));
    Patterns patterns = new Patterns(list);
    for (String text :
        List.of("TRUE", "is false here", "${HOME}", "${home}", "nothing", "", "nul", "xnull")) {
      boolean expected = list.stream().anyMatch(p -> p.matcher(text).find());
      assertThat(patterns.anyFoundIn(text)).as(text).isEqualTo(expected);
    }
    assertThat(new Patterns(List.of()).anyFoundIn("x")).isFalse();
  }

  @Test
  void isTheListOfItsPatterns() {
    Pattern p = Pattern.compile("a+");
    assertThat(new Patterns(List.of(p))).containsExactly(p);
  }
}
