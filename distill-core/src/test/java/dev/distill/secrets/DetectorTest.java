package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorTest {
  private static final String TOKEN_RULE =
      """
      [[rules]]
      id = "tok"
      description = "test token"
      regex = '''tok_([a-zA-Z0-9]{16})'''
      keywords = ["tok_"]
      tags = ["test"]
      """;

  private static Detector detector(String toml) {
    return new Detector(GitleaksConfigLoader.parse(toml, "test"));
  }

  private static List<SecretFinding> detect(String toml, String text, String path) {
    return detector(toml).detect(Fragment.of(text, path));
  }

  @Test
  void reportsRuleLocationSecretGroupAndFingerprint() {
    List<SecretFinding> f = detect(TOKEN_RULE, "first\nx = tok_Ab3dEf7hIj1lMn5p;\n", "a/b.txt");
    assertThat(f).hasSize(1);
    SecretFinding s = f.get(0);
    assertThat(s.ruleId()).isEqualTo("tok");
    assertThat(s.secret()).isEqualTo("Ab3dEf7hIj1lMn5p");
    assertThat(s.match()).isEqualTo("tok_Ab3dEf7hIj1lMn5p");
    assertThat(s.startLine()).isEqualTo(2);
    assertThat(s.startColumn()).isEqualTo(5);
    assertThat(s.endColumn()).isEqualTo(24);
    assertThat(s.line()).isEqualTo("x = tok_Ab3dEf7hIj1lMn5p;");
    assertThat(s.tags()).containsExactly("test");
    assertThat(s.fingerprint()).isEqualTo("a/b.txt:tok:2");
  }

  @Test
  void matchSpanningLinesIsFoundInLongTextsAsInShortOnes() {
    // The generic rule's match may cross newlines around its '=' ([\\s'"]{0,3},
    // [\\x60'"\\s=]{0,5}):
    // windows around a keyword in a long text once stopped one line after it.
    Detector d = new Detector(GitleaksConfigLoader.loadDefault());
    String secret = "api_key =\n\n\n\"Zx9Qw3Rt7Yp2Lm5Kv8Nb4\"\n";
    String padding = ("    value = handler(count);\n").repeat(200);
    for (String text : List.of(secret, padding + secret + padding)) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Fragment fragment = Fragment.of(text, "a.txt");
      List<SecretFinding> asText = d.detect(fragment);
      List<SecretFinding> asBytes = d.detect(fragment, d.prescan(bytes, bytes.length));
      for (List<SecretFinding> found : List.of(asText, asBytes)) {
        assertThat(found).extracting(SecretFinding::ruleId).containsExactly("generic-api-key");
        assertThat(found.get(0).secret()).isEqualTo("Zx9Qw3Rt7Yp2Lm5Kv8Nb4");
      }
    }
  }

  @Test
  void keywordLinesWithoutSecretsStayQuietInLongTexts() {
    Detector d = new Detector(GitleaksConfigLoader.loadDefault());
    String text = ("    String authHeader = valueCount();\n    x = y;\n").repeat(300);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Fragment fragment = Fragment.of(text, "a.java");
    assertThat(d.detect(fragment)).isEmpty();
    assertThat(d.detect(fragment, d.prescan(bytes, bytes.length))).isEmpty();
  }

  @Test
  void keywordPrefilterSkipsRulesWhoseKeywordIsAbsent() {
    String toml =
        """
        [[rules]]
        id = "kw"
        regex = '''[0-9]{8}'''
        keywords = ["pin"]
        """;
    assertThat(detect(toml, "code 12345678", "f")).isEmpty();
    assertThat(detect(toml, "PIN code 12345678", "f")).hasSize(1);
  }

  @Test
  void entropyThresholdDropsLowEntropySecrets() {
    String toml = TOKEN_RULE + "entropy = 3.0\n";
    assertThat(detect(toml, "tok_aaaaaaaaaaaaaaaa", "f")).isEmpty();
    assertThat(detect(toml, "tok_Ab3dEf7hIj1lMn5p", "f")).hasSize(1);
  }

  @Test
  void gitleaksAllowCommentSilencesOnlyItsLine() {
    String text = "tok_Ab3dEf7hIj1lMn5p # gitleaks:allow\ntok_Zz3dEf7hIj1lMn5q\n";
    List<SecretFinding> f = detect(TOKEN_RULE, text, "f");
    assertThat(f).extracting(SecretFinding::startLine).containsExactly(2);
    Detector ignoring = new Detector(GitleaksConfigLoader.parse(TOKEN_RULE, "t"), 0, false);
    assertThat(ignoring.detect(Fragment.of(text, "f"))).hasSize(2);
  }

  @Test
  void allowlistRegexTargetsSecretMatchAndLine() {
    String text = "key: tok_Ab3dEf7hIj1lMn5p // fixture\n";
    assertThat(detect(TOKEN_RULE + "[[rules.allowlists]]\nregexes = ['''^Ab3d''']\n", text, "f"))
        .isEmpty();
    assertThat(detect(TOKEN_RULE + "[[rules.allowlists]]\nregexes = ['''^tok_Ab''']\n", text, "f"))
        .hasSize(1); // target defaults to the secret, which lacks the prefix
    assertThat(
            detect(
                TOKEN_RULE
                    + "[[rules.allowlists]]\nregexTarget = 'match'\nregexes = ['''^tok_Ab''']\n",
                text,
                "f"))
        .isEmpty();
    assertThat(
            detect(
                TOKEN_RULE
                    + "[[rules.allowlists]]\nregexTarget = 'line'\nregexes = ['''fixture''']\n",
                text,
                "f"))
        .isEmpty();
  }

  @Test
  void stopwordsAndAndConditionSuppressExactlyWhatTheyName() {
    String and =
        TOKEN_RULE
            + """
            [[rules.allowlists]]
            condition = "AND"
            paths = ['''^test/''']
            stopwords = ["ab3d"]
            """;
    String text = "tok_Ab3dEf7hIj1lMn5p";
    assertThat(detect(and, text, "test/x")).isEmpty();
    assertThat(detect(and, text, "src/x")).hasSize(1); // path does not match
    assertThat(detect(and, "tok_Zz3dEf7hIj1lMn5p", "test/x")).hasSize(1); // no stopword
    String or = TOKEN_RULE + "[[rules.allowlists]]\npaths = ['''^test/''']\nstopwords = ['ab3d']\n";
    assertThat(detect(or, "tok_Zz3dEf7hIj1lMn5p", "test/x")).isEmpty();
    assertThat(detect(or, text, "src/x")).isEmpty();
    assertThat(detect(or, "tok_Zz3dEf7hIj1lMn5p", "src/x")).hasSize(1);
  }

  @Test
  void globalAllowlistPathSkipsTheFragment() {
    String toml = "[allowlist]\npaths = ['''\\.lock$''']\n" + TOKEN_RULE;
    assertThat(detect(toml, "tok_Ab3dEf7hIj1lMn5p", "yarn.lock")).isEmpty();
    assertThat(detect(toml, "tok_Ab3dEf7hIj1lMn5p", "yarn.txt")).hasSize(1);
  }

  @Test
  void pathOnlyRuleReportsTheFileAndPathRuleNeedsBoth() {
    String toml =
        """
        [[rules]]
        id = "p12"
        path = '''\\.p12$'''
        [[rules]]
        id = "tf"
        path = '''\\.tf$'''
        regex = '''pw_[0-9]{6}'''
        """;
    assertThat(detect(toml, "anything", "certs/a.p12"))
        .extracting(SecretFinding::match)
        .containsExactly("file detected: certs/a.p12");
    assertThat(detect(toml, "pw_123456", "main.tf"))
        .extracting(SecretFinding::ruleId)
        .containsExactly("tf");
    assertThat(detect(toml, "pw_123456", "main.go")).isEmpty();
  }

  @Test
  void findsSecretsInsideBase64HexAndPercentEncodingWithTags() {
    String secret = "tok_Ab3dEf7hIj1lMn5p";
    String b64 =
        Base64.getEncoder().encodeToString(("token=" + secret).getBytes(StandardCharsets.UTF_8));
    List<SecretFinding> f = detect(TOKEN_RULE, "line one\nvalue: " + b64 + "\n", "f");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).startLine()).isEqualTo(2);
    assertThat(f.get(0).startColumn()).isEqualTo(8);
    assertThat(f.get(0).tags()).contains("decoded:base64", "decode-depth:1");

    String hex = HexFormat.of().formatHex(("x " + secret).getBytes(StandardCharsets.UTF_8));
    assertThat(detect(TOKEN_RULE, "h=" + hex, "f"))
        .singleElement()
        .satisfies(s -> assertThat(s.tags()).contains("decoded:hex"));

    assertThat(detect(TOKEN_RULE, "u=%74%6Fk_Ab3dEf7hIj1lMn5p", "f"))
        .singleElement()
        .satisfies(s -> assertThat(s.tags()).contains("decoded:percent"));
  }

  @Test
  void nestedEncodingIsBoundedByTheDecodeDepth() {
    String text = "tok_Ab3dEf7hIj1lMn5p and more";
    for (int i = 0; i < 3; i++) {
      text = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
    SecretsConfig c = GitleaksConfigLoader.parse(TOKEN_RULE, "t");
    assertThat(new Detector(c, 3, true).detect(Fragment.of(text, "f")))
        .singleElement()
        .satisfies(s -> assertThat(s.tags()).contains("decode-depth:3"));
    assertThat(new Detector(c, 2, true).detect(Fragment.of(text, "f"))).isEmpty();
    assertThat(new Detector(c, 0, true).detect(Fragment.of(text, "f"))).isEmpty();
  }

  @Test
  void deeplyNestedEncodingStopsAtTheDepthLimit() {
    String text = "tok_Ab3dEf7hIj1lMn5p";
    for (int i = 0; i < 40; i++) {
      text = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
    // 40 levels, ~1 MB: five passes, each shorter than the last, then stop.
    assertThat(text.length()).isGreaterThan(500_000);
    assertThat(detector(TOKEN_RULE).detect(Fragment.of(text, "f"))).isEmpty();
  }

  @Test
  void genericFindingGivesWayToASpecificRuleOnTheSameSecret() {
    String toml =
        TOKEN_RULE
            + """
            [[rules]]
            id = "generic-thing"
            regex = '''=\\s*tok_([a-zA-Z0-9]{16})'''
            """;
    assertThat(detect(toml, "a = tok_Ab3dEf7hIj1lMn5p", "f"))
        .extracting(SecretFinding::ruleId)
        .containsExactly("tok");
  }

  /**
   * Generic rules run after specific ones and skip a match a specific finding already holds; any
   * other generic match, on the same line or not, is still reported (with the default rules too).
   */
  @Test
  void genericMatchesNotHeldBySpecificFindingsAreKept() {
    String toml =
        TOKEN_RULE
            + """
            [[rules]]
            id = "generic-thing"
            regex = '''=\\s*(?:tok|key)_([a-zA-Z0-9]{16})'''
            keywords = ["tok_", "key_"]
            """;
    List<SecretFinding> found =
        detect(
            toml,
            "a = tok_Ab3dEf7hIj1lMn5p, b = key_Zx9Qw3Rt7Yp2Lm5K\nc = key_Ab3dEf7hIj1lMn5p\n",
            "f");
    assertThat(found)
        .extracting(f -> f.ruleId() + "@" + f.startLine() + ":" + f.secret())
        .containsExactlyInAnyOrder(
            "tok@1:Ab3dEf7hIj1lMn5p",
            "generic-thing@1:Zx9Qw3Rt7Yp2Lm5K",
            "generic-thing@2:Ab3dEf7hIj1lMn5p");

    Detector defaults = new Detector(GitleaksConfigLoader.loadDefault());
    String pat = "ghp_8KxVJq0rX9zYtWmN3pL5bC7dF2gH4jK6sA1e";
    String line = "github_token = \"" + pat + "\"; api_key = \"Zx9Qw3Rt7Yp2Lm5Kv8Nb4\"\n";
    assertThat(defaults.detect(Fragment.of(line, "f")))
        .extracting(f -> f.ruleId() + ":" + f.secret())
        .containsExactlyInAnyOrder("github-pat:" + pat, "generic-api-key:Zx9Qw3Rt7Yp2Lm5Kv8Nb4");
  }
}
