package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitleaksConfigLoaderTest {

  @Test
  void defaultRulesLoadAsWrittenWithRe2j() {
    SecretsConfig c = GitleaksConfigLoader.loadDefault();
    assertThat(c.rules()).hasSize(222);
    assertThat(c.rules()).extracting(SecretRule::id).contains("aws-access-token", "pkcs12-file");
    assertThat(c.allowlists()).hasSize(1);
    assertThat(c.allowlists().get(0).stopwords()).contains("abcdefghijklmnopqrstuvwxyz");
    SecretRule pkcs =
        c.rules().stream().filter(r -> r.id().equals("pkcs12-file")).findFirst().get();
    assertThat(pkcs.regex()).isNull();
    assertThat(pkcs.path()).isNotNull();
    SecretRule generic =
        c.rules().stream().filter(r -> r.id().equals("generic-api-key")).findFirst().get();
    assertThat(generic.allowlists())
        .extracting(Allowlist::regexTarget)
        .contains(Allowlist.RegexTarget.MATCH, Allowlist.RegexTarget.LINE);
    assertThat(generic.allowlists())
        .extracting(Allowlist::condition)
        .contains(Allowlist.Condition.AND);
    assertThat(c.ruleDescriptors()).hasSize(222);
  }

  @Test
  void bundledRulesPassEveryCheckTheirTrustedLoadSkips() throws Exception {
    // A run loads the bundled rules without the regex syntax, program size and secret group
    // checks; loaded as any other file, every check runs, needs no Go-to-RE2J adaptation, and the
    // two loads agree rule by rule.
    String text;
    try (InputStream in =
        GitleaksConfigLoader.class.getResourceAsStream(GitleaksConfigLoader.DEFAULT_RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SecretsConfig checked = GitleaksConfigLoader.parse(text, "the bundled rules, checked");
    SecretsConfig trusted = GitleaksConfigLoader.loadDefault();
    assertThat(checked.notes()).isEmpty();
    assertThat(trusted.notes()).isEmpty();
    assertThat(trusted.rules()).hasSameSizeAs(checked.rules()).hasSize(222);
    for (int i = 0; i < checked.rules().size(); i++) {
      SecretRule c = checked.rules().get(i);
      SecretRule t = trusted.rules().get(i);
      assertThat(t.id()).isEqualTo(c.id());
      assertThat(t.secretGroup()).isEqualTo(c.secretGroup());
      if (c.ruleRegex() == null) {
        assertThat(t.ruleRegex()).as(c.id()).isNull();
      } else {
        assertThat(t.ruleRegex().expression()).isEqualTo(c.ruleRegex().expression());
        assertThat(t.ruleRegex().groupCount()).as(c.id()).isEqualTo(c.ruleRegex().groupCount());
        assertThat(MatchLength.programSize(c.ruleRegex().expression()))
            .as(c.id())
            .isLessThanOrEqualTo(GitleaksConfigLoader.MAX_PROGRAM_SIZE);
      }
      // The trusted load compiles allowlist patterns on first use: the same patterns.
      assertThat(allowlistPatterns(t.allowlists()))
          .as(c.id())
          .isEqualTo(allowlistPatterns(c.allowlists()));
    }
    assertThat(allowlistPatterns(trusted.allowlists()))
        .hasSize(allowlistPatterns(checked.allowlists()).size())
        .isNotEmpty()
        .isEqualTo(allowlistPatterns(checked.allowlists()));
  }

  private static List<String> allowlistPatterns(List<Allowlist> allowlists) {
    List<String> out = new ArrayList<>();
    for (Allowlist a : allowlists) {
      for (com.google.re2j.Pattern p : a.paths()) {
        out.add("path " + p.flags() + " " + p.pattern());
      }
      for (com.google.re2j.Pattern p : a.regexes()) {
        out.add("regex " + p.flags() + " " + p.pattern());
      }
    }
    return out;
  }

  @Test
  void onlyTheBundledResourceSkipsChecksWhateverItsOriginIsCalled() {
    assertThatThrownBy(
            () ->
                GitleaksConfigLoader.parse(
                    "[[rules]]\nid = \"x\"\nregex = \"a(\"\n", "default gitleaks rules"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("bad regex");
  }

  @Test
  void oldAndNewAllowlistFormsAndGlobalArray() {
    SecretsConfig c =
        GitleaksConfigLoader.parse(
            """
            [[allowlists]]
            paths = ['''^vendor/''']
            [[allowlists]]
            commits = ["abc"]
            [[rules]]
            id = "one"
            regex = '''tok_[a-z]{8}'''
            keywords = ["TOK_"]
            [rules.allowlist]
            stopwords = ["example"]
            [[rules]]
            id = "two"
            regex = '''two_[a-z]{8}'''
            tags = ["t"]
            [[rules.allowlists]]
            condition = "AND"
            regexTarget = "line"
            regexes = ['''test''']
            paths = ['''\\.md$''']
            """,
            "inline");
    assertThat(c.allowlists()).hasSize(2);
    assertThat(c.rules().get(0).keywords()).containsExactly("tok_");
    assertThat(c.rules().get(0).allowlists().get(0).stopwords()).containsExactly("example");
    Allowlist two = c.rules().get(1).allowlists().get(0);
    assertThat(two.condition()).isEqualTo(Allowlist.Condition.AND);
    assertThat(two.regexTarget()).isEqualTo(Allowlist.RegexTarget.LINE);
    assertThat(c.rules().get(1).tags()).containsExactly("t");
  }

  @Test
  void extendUsesDefaultsMinusDisabledRulesAndOverridesById() {
    SecretsConfig c =
        GitleaksConfigLoader.parse(
            """
            [extend]
            useDefault = true
            disabledRules = ["generic-api-key", "aws-access-token"]
            [[rules]]
            id = "github-pat"
            [[rules.allowlists]]
            regexes = ['''ghp_0{36}''']
            [[rules]]
            id = "mine"
            regex = '''mine_[0-9]{6}'''
            """,
            "extending");
    assertThat(c.rules())
        .extracting(SecretRule::id)
        .doesNotContain("generic-api-key", "aws-access-token");
    assertThat(c.rules()).extracting(SecretRule::id).contains("github-pat", "mine", "jwt");
    assertThat(c.rules()).hasSize(221);
    SecretRule pat = c.rules().stream().filter(r -> r.id().equals("github-pat")).findFirst().get();
    assertThat(pat.regex()).isNotNull(); // kept from the default rule
    assertThat(pat.allowlists()).hasSize(2); // the default one plus ours
  }

  @Test
  void extendByPathResolvesAgainstTheConfigDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.toml"), "[[rules]]\nid = \"base\"\nregex = 'b_[0-9]+'\n");
    Files.writeString(
        dir.resolve("top.toml"),
        "[extend]\npath = \"base.toml\"\n[[rules]]\nid = \"top\"\nregex = 't'\n");
    SecretsConfig c = GitleaksConfigLoader.load(dir.resolve("top.toml"));
    assertThat(c.rules()).extracting(SecretRule::id).containsExactly("base", "top");
  }

  @Test
  void badTomlIsAClearError() {
    assertThatThrownBy(() -> GitleaksConfigLoader.parse("[[rules]\nid=", "broken.toml"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("bad TOML")
        .hasMessageContaining("broken.toml");
  }

  @Test
  void badRegexNamesTheRule() {
    assertThatThrownBy(
            () ->
                GitleaksConfigLoader.parse(
                    "[[rules]]\nid = \"lookbehind\"\nregex = '''(?<=x)secret'''\n", "c.toml"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("rule lookbehind")
        .hasMessageContaining("(?<=x)secret");
  }

  @Test
  void regexExpandingToAHugeProgramIsRejectedNamingTheRule() {
    assertThatThrownBy(
            () ->
                GitleaksConfigLoader.parse(
                    "[[rules]]\nid = \"blowup\"\nregex = '''(?:a{1,100}){1,100}z'''\n", "c.toml"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("rule blowup")
        .hasMessageContaining("too complex");
  }

  @Test
  void secretGroupBeyondTheGroupsIsRejected() {
    assertThatThrownBy(
            () ->
                GitleaksConfigLoader.parse(
                    "[[rules]]\nid = \"g\"\nregex = '''a(b)'''\nsecretGroup = 2\n", "c.toml"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("secretGroup 2");
  }

  @Test
  void ruleWithoutRegexOrPathIsRejected() {
    assertThatThrownBy(() -> GitleaksConfigLoader.parse("[[rules]]\nid = \"x\"\n", "c.toml"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("rule x");
  }

  @Test
  void goEndOfTextIsAdaptedWithANote() {
    SecretsConfig c =
        GitleaksConfigLoader.parse("[[rules]]\nid = \"z\"\nregex = '''end\\z'''\n", "c.toml");
    assertThat(c.rules().get(0).regex().matcher("the end").find()).isTrue();
    assertThat(c.rules().get(0).regex().matcher("the end\nmore").find()).isFalse();
  }
}
