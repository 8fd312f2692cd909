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
    Patterns patterns = Patterns.of(list);
    for (String text :
        List.of("TRUE", "is false here", "${HOME}", "${home}", "nothing", "", "nul", "xnull")) {
      boolean expected = list.stream().anyMatch(p -> p.matcher(text).find());
      assertThat(patterns.anyFoundIn(text)).as(text).isEqualTo(expected);
    }
    assertThat(Patterns.of(List.of()).anyFoundIn("x")).isFalse();
  }

  @Test
  void compiledOnUseCompilesEachPatternOnceWhenFirstNeeded() {
    java.util.concurrent.atomic.AtomicInteger compiled =
        new java.util.concurrent.atomic.AtomicInteger();
    Patterns patterns =
        Patterns.compiledOnUse(
            List.of("(?i)^true|false|null$", "^\\$\\{[A-Z_]+\\}$"),
            e -> {
              compiled.incrementAndGet();
              return Pattern.compile(e);
            });
    assertThat(compiled).hasValue(0);
    assertThat(patterns.anyFoundIn("${HOME}")).isTrue();
    assertThat(patterns.anyFoundIn("nothing")).isFalse();
    assertThat(compiled).hasValue(2);
    patterns.prepare();
    assertThat(patterns.get(1).pattern()).isEqualTo("^\\$\\{[A-Z_]+\\}$");
    assertThat(compiled).hasValue(2);
  }

  @Test
  void isTheListOfItsPatterns() {
    Pattern p = Pattern.compile("a+");
    assertThat(Patterns.of(List.of(p))).containsExactly(p);
  }
}
