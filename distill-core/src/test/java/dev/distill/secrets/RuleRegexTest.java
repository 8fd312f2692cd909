package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.distill.DistillException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleRegexTest {
  @Test
  void checksNowCompilesOnFirstUse() {
    RuleRegex r = RuleRegex.parse("(a)(?:b)(c)?");
    assertThat(r.isCompiled()).isFalse();
    assertThat(r.groupCount()).isEqualTo(Pattern.compile("(a)(?:b)(c)?").groupCount()).isEqualTo(2);
    Pattern p = r.pattern();
    assertThat(r.isCompiled()).isTrue();
    assertThat(r.pattern()).isSameAs(p);
    assertThat(p.matcher("xab").find()).isTrue();
  }

  @Test
  void uncheckedParsesForItsGroupCountAndCompilesOnFirstUse() {
    RuleRegex r = RuleRegex.unchecked("(a)(?:b)(c)?");
    assertThat(r.isCompiled()).isFalse();
    assertThat(r.groupCount()).isEqualTo(2);
    assertThat(r.isCompiled()).isFalse();
    assertThat(r.pattern().matcher("xab").find()).isTrue();
    assertThatThrownBy(() -> RuleRegex.unchecked("a(b").groupCount())
        .isInstanceOf(PatternSyntaxException.class);
  }

  @Test
  void rejectsWhatRe2jRejectsWithRe2jsMessage() {
    for (String bad : List.of("a(b", "x{2,1}", "[z-a]", "a**", "\\8", "(?<n>a)(?<n>b)")) {
      String expected = null;
      try {
        Pattern.compile(bad);
      } catch (PatternSyntaxException e) {
        expected = e.getDescription();
      }
      assertThat(expected).as(bad).isNotNull();
      String description = expected;
      assertThatThrownBy(() -> RuleRegex.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              PatternSyntaxException.class,
              e -> assertThat(e.getDescription()).isEqualTo(description));
    }
  }

  @Test
  void aRuleWithABadRegexFailsAtLoadNamingIt() {
    String toml = "[[rules]]\nid = \"broken\"\nregex = '''key=(abc'''\nkeywords = [\"key\"]\n";
    assertThatThrownBy(() -> GitleaksConfigLoader.parse(toml, "t.toml"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("rule broken")
        .hasMessageContaining("key=(abc")
        .hasMessageContaining("RE2 syntax");
  }

  @Test
  void loadingTheBundledRulesCompilesNoRegexUntilARuleRuns() {
    SecretsConfig config = GitleaksConfigLoader.loadDefault();
    assertThat(config.rules()).allMatch(r -> r.ruleRegex() == null || !r.ruleRegex().isCompiled());
    Detector d = new Detector(config);
    d.detect(Fragment.of("nothing to see here", "a.txt"));
    long compiled =
        config.rules().stream()
            .filter(r -> r.ruleRegex() != null && r.ruleRegex().isCompiled())
            .count();
    assertThat(compiled).isLessThan(10);
  }

  @Test
  void lazyRulesFindWhatEagerlyCompiledRulesFind() throws Exception {
    SecretsConfig lazy = GitleaksConfigLoader.loadDefault();
    List<SecretRule> eagerRules = new ArrayList<>();
    for (SecretRule r : GitleaksConfigLoader.loadDefault().rules()) {
      eagerRules.add(
          new SecretRule(
              r.id(),
              r.description(),
              r.ruleRegex() == null
                  ? null
                  : RuleRegex.of(Pattern.compile(r.ruleRegex().expression())),
              r.secretGroup(),
              r.entropy(),
              r.keywords(),
              r.path(),
              r.tags(),
              r.allowlists()));
    }
    SecretsConfig eager =
        new SecretsConfig(lazy.origin(), eagerRules, lazy.allowlists(), lazy.notes());
    StringBuilder text = new StringBuilder();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("gitleaks-cases.jsonl"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        text.append(json.readTree(line).get("text").asText()).append('\n');
      }
    }
    Fragment f = Fragment.of(text.toString(), "cases.txt");
    List<SecretFinding> fromLazy = new Detector(lazy).detect(f);
    assertThat(fromLazy).hasSizeGreaterThan(5);
    assertThat(fromLazy).isEqualTo(new Detector(eager).detect(f));
  }
}
