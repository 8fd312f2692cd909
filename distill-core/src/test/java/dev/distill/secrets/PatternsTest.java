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
  void compiledOnUseCompilesOnlyWhatIsNeededWhenFirstNeeded() {
    List<String> compiled = new java.util.concurrent.CopyOnWriteArrayList<>();
    Patterns patterns =
        Patterns.compiledOnUse(
            List.of("(?i)^true|false|null$", "^\\$\\{[A-Z_]+\\}$"),
            e -> {
              compiled.add(e);
              return Pattern.compile(e);
            });
    assertThat(compiled).isEmpty();
    assertThat(patterns.anyFoundIn("${HOME}")).isTrue();
    assertThat(patterns.anyFoundIn("nothing")).isFalse();
    // Asked as one alternation, made from the expressions: no pattern compiled on its own.
    assertThat(compiled).containsExactly("(?:(?i)^true|false|null$)|(?:^\\$\\{[A-Z_]+\\}$)");
    patterns.prepare();
    assertThat(patterns.get(1).pattern()).isEqualTo("^\\$\\{[A-Z_]+\\}$");
    assertThat(compiled).hasSize(2).last().isEqualTo("^\\$\\{[A-Z_]+\\}$");
    patterns.get(1);
    assertThat(compiled).hasSize(2);
  }

  @Test
  void isTheListOfItsPatterns() {
    Pattern p = Pattern.compile("a+");
    assertThat(Patterns.of(List.of(p))).containsExactly(p);
  }

  /**
   * Several patterns are asked as one alternation: the same answers as each pattern alone, with
   * inline flags kept to their own pattern, anchors, and fallbacks for mixed flags and group names
   * used twice.
   */
  @Test
  void patternsAskedAsOneAlternationAnswerAsEachAlone() {
    List<List<Pattern>> lists =
        List.of(
            List.of(
                Pattern.compile("gitleaks\\.toml"),
                Pattern.compile("(?i)\\.(?:bmp|gif|jpe?g|png|svg|tiff?)$"),
                Pattern.compile("(?:^|/)node_modules(?:/.*)?$"),
                Pattern.compile("(?:^|/)gradlew(?:\\.bat)?$"),
                Pattern.compile("^README$")),
            // (?i) of the first pattern must not reach the second.
            List.of(Pattern.compile("(?i)^true|false|null$"), Pattern.compile("ABC")),
            // Different flags, and a group name used twice: asked one by one.
            List.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE), Pattern.compile("xyz")),
            List.of(Pattern.compile("(?P<k>a+)b"), Pattern.compile("(?P<k>c+)d")));
    List<String> texts =
        List.of(
            "src/gitleaks.toml",
            "img/LOGO.PNG",
            "img/logo.png.txt",
            "web/node_modules/x/y.js",
            "mynode_modules/a",
            "gradlew",
            "a/gradlew.bat",
            "a/gradlew.sh",
            "README",
            "docs/README",
            "TRUE",
            "is FALSE",
            "abc",
            "abc def",
            "ABC",
            "XYZ",
            "xyz",
            "aab",
            "ccd",
            "");
    for (List<Pattern> list : lists) {
      Patterns patterns = Patterns.of(list);
      assertThat(patterns.askedAsOne())
          .as(list.toString())
          .isEqualTo(list != lists.get(2) && list != lists.get(3));
      for (String text : texts) {
        boolean expected = list.stream().anyMatch(p -> p.matcher(text).find());
        assertThat(patterns.anyFoundIn(text)).as(list + " in " + text).isEqualTo(expected);
      }
    }
  }
}
