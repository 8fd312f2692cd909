package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LazyDfaTest {
  private static final List<String> PATTERNS =
      List.of(
          "abc",
          "(?i)key\\s*=\\s*[a-z0-9]{4,8}",
          "\\bword\\b",
          "^start",
          "(?m)^line$",
          "end$",
          "a\\B.",
          "(?s)x.y",
          "x.y",
          "[^a-c]{2}\\z",
          "(?i)k",
          "é+\\w",
          "\\x{1F600}.",
          "(a|b)*c{2,3}?",
          "(?i)[\\w.-]{0,5}?(?:api|tok)[ =]{0,2}([a-z]{3,})(?:[;\\s]|$)");

  @Test
  void agreesWithRe2jOnSeededRandomTexts() {
    Random random = new Random(7);
    String alphabet = "abcxyKkeéy=;_ .-\n\tWORDwordapitok\u212A\uD83D\uDE00";
    for (String expr : PATTERNS) {
      Pattern p = Pattern.compile(expr);
      LazyDfa dfa = LazyDfa.of(p);
      assertThat(dfa).as("program of %s readable", expr).isNotNull();
      for (int round = 0; round < 400; round++) {
        String text = randomText(random, alphabet, random.nextInt(40));
        assertThat(dfa.find(text)).as("%s in %s", expr, text).isEqualTo(p.matcher(text).find());
        int from = text.isEmpty() ? 0 : random.nextInt(text.length());
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
          from--; // RE2J positions are between code points
        }
        int before = from == 0 ? -1 : text.charAt(from - 1);
        assertThat(dfa.find(text, from, text.length(), before))
            .as("%s in %s from %d", expr, text, from)
            .isEqualTo(p.matcher(text).find(from));
      }
    }
  }

  @Test
  void matchesBegunByLastStartOnlyAgreeWithRe2jsLeftmostMatch() {
    Random random = new Random(11);
    String alphabet = "abcxyKkeéy=;_ .-\n\tWORDwordapitok";
    for (String expr : PATTERNS) {
      Pattern p = Pattern.compile(expr);
      LazyDfa dfa = LazyDfa.of(p);
      for (int round = 0; round < 400; round++) {
        String text = randomText(random, alphabet, random.nextInt(40));
        int lastStart = random.nextInt(text.length() + 1);
        // A match begins at or before lastStart exactly when RE2J's leftmost one does.
        var m = p.matcher(text);
        boolean expected = m.find() && m.start() <= lastStart;
        int outcome = dfa.search(text, 0, text.length(), -1, lastStart);
        assertThat(outcome == LazyDfa.FOUND)
            .as("%s in %s begun by %d", expr, text, lastStart)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void searchSaysWhetherAMatchBegunWasStillAliveAtTheEnd() {
    LazyDfa dfa = LazyDfa.of(Pattern.compile("key\\s*=\\s*[0-9]{4}"));
    String text = "key =\n\n 1234 and more";
    // Cut after the keyword's line: the match is under way there.
    assertThat(dfa.search(text, 0, 6, -1, 0)).isEqualTo(LazyDfa.ALIVE);
    assertThat(dfa.search(text, 0, text.length(), -1, 0)).isEqualTo(LazyDfa.FOUND);
    // Every match begun fails at 'x', and none may begin later: the walk stops there.
    assertThat(dfa.search("key = x 1234", 0, 12, -1, 0)).isEqualTo(LazyDfa.NONE);
    // Unlimited starts would find the later match.
    assertThat(dfa.search("key = x key=1234", 0, 16, -1, 0)).isEqualTo(LazyDfa.NONE);
    assertThat(dfa.find("key = x key=1234", 0, 16, -1)).isTrue();
  }

  @Test
  void tellsWhetherEveryMatchBeginsWithAKeyword() {
    String generic =
        "(?i)(?:access|auth|(?-i:[Aa]pi|API)|credential|creds|key|passw(?:or)?d|secret|token)"
            + "(?:[ \\t\\w.-]{0,20})[\\s'\"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)"
            + "[\\x60'\"\\s=]{0,5}([\\w.=-]{10,150})";
    List<String> keywords =
        List.of(
            "access",
            "api",
            "auth",
            "key",
            "credential",
            "creds",
            "passwd",
            "password",
            "secret",
            "token");
    assertThat(LazyDfa.of(Pattern.compile(generic)).everyMatchStartsWithOneOf(keywords)).isTrue();
    // "tok" begins no keyword here; "ke" alone is a match but no keyword.
    assertThat(
            LazyDfa.of(Pattern.compile("(?i)(?:key|tok)=x"))
                .everyMatchStartsWithOneOf(List.of("key")))
        .isFalse();
    assertThat(LazyDfa.of(Pattern.compile("ke(?:y)?")).everyMatchStartsWithOneOf(List.of("key")))
        .isFalse();
    // A leading optional char may come before the keyword.
    assertThat(LazyDfa.of(Pattern.compile("a?key")).everyMatchStartsWithOneOf(List.of("key")))
        .isFalse();
    // Case: the text's letters in either case, as the keyword search finds them.
    assertThat(
            LazyDfa.of(Pattern.compile("(?i)\\bKEY_[0-9]+"))
                .everyMatchStartsWithOneOf(List.of("key_")))
        .isTrue();
  }

  @Test
  void windowIsMatchedAsAWholeText() {
    Pattern p = Pattern.compile("^key$");
    LazyDfa dfa = LazyDfa.of(p);
    String text = "a key b";
    assertThat(dfa.find(text, 2, 5, -1)).isTrue(); // "key" alone: ^ and $ hold
    assertThat(dfa.find(text, 2, 5, ' ')).isFalse(); // not at the start of text any more
    assertThat(dfa.find(text)).isFalse();
  }

  @Test
  void unicodeCaseFoldingIsRe2js() {
    Pattern p = Pattern.compile("(?i)k");
    LazyDfa dfa = LazyDfa.of(p);
    assertThat(dfa.find("\u212A")).isEqualTo(p.matcher("\u212A").find()).isTrue(); // Kelvin sign
    assertThat(dfa.find("x")).isFalse();
  }

  @Test
  void boundedCacheStaysCorrectWhenItOverflows() {
    // Thousands of distinct states: the cache is dropped and rebuilt along the way.
    Pattern p = Pattern.compile("a[ab]{12}b");
    LazyDfa dfa = LazyDfa.of(p);
    Random random = new Random(3);
    for (int round = 0; round < 50; round++) {
      String text = randomText(random, "ab", 2000 + random.nextInt(2000));
      assertThat(dfa.find(text)).isEqualTo(p.matcher(text).find());
      String noMatch = text.replace('b', 'c');
      assertThat(dfa.find(noMatch)).isEqualTo(p.matcher(noMatch).find()).isFalse();
    }
  }

  @Test
  void everyDefaultRuleAgreesOnItsOwnKeywordsAndNoise() {
    SecretsConfig config = GitleaksConfigLoader.loadDefault();
    Random random = new Random(11);
    for (SecretRule rule : config.rules()) {
      if (rule.regex() == null) {
        continue;
      }
      LazyDfa dfa = LazyDfa.of(rule.regex());
      assertThat(dfa).as(rule.id()).isNotNull();
      for (int round = 0; round < 20; round++) {
        StringBuilder b = new StringBuilder();
        for (String k : rule.keywords()) {
          b.append(random.nextBoolean() ? k : k.toUpperCase(java.util.Locale.ROOT));
          b.append(randomText(random, " =:\"'_-.\n", 1 + random.nextInt(3)));
          b.append(randomText(random, "abcdefABCDEF0123456789xyz_-+/=", random.nextInt(60)));
          b.append(randomText(random, " ;\"'\n", 1));
        }
        String text = b.toString();
        assertThat(dfa.find(text))
            .as("%s in %s", rule.id(), text)
            .isEqualTo(rule.regex().matcher(text).find());
      }
    }
  }

  private static String randomText(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder();
    int[] cps = alphabet.codePoints().toArray();
    for (int i = 0; i < n; i++) {
      b.appendCodePoint(cps[r.nextInt(cps.length)]);
    }
    return b.toString();
  }
}
