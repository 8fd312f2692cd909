package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BacktrackerTest {
  private static final List<String> PATTERNS =
      List.of(
          "abc",
          "(?i)key\\s*=\\s*([a-z0-9]{4,8})",
          "\\b(word)\\b",
          "^(start)",
          "(?m)^(l)ine$",
          "end$",
          "a\\B.",
          "(?s)x(.)y",
          "(a|ab)(c|bcd)(d*)",
          "(a*?)(a*)b",
          "(a|b)*c{2,3}?",
          "()|x",
          "(x?)*y",
          "é+(\\w)",
          "\\x{1F600}(.)",
          "(?i)[\\w.-]{0,5}?(?:api|tok)[ =]{0,2}([a-z]{3,}|[0-9]+)(?:[;\\s]|$)");

  @Test
  void findsRe2jsMatchAndGroupsOnSeededRandomTexts() {
    Random random = new Random(11);
    String alphabet = "abcdxyKkeéy=;_ .-\n\tWORDwordapitok0123\u212A\uD83D\uDE00";
    for (String expr : PATTERNS) {
      Pattern p = Pattern.compile(expr);
      Backtracker bt = Backtracker.of(p);
      assertThat(bt).as("program of %s readable", expr).isNotNull();
      for (int round = 0; round < 400; round++) {
        String text = randomText(random, alphabet, random.nextInt(40));
        int from = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        assertAgrees(p, bt, text, from);
      }
    }
  }

  @Test
  void findsRe2jsMatchAndGroupsForEveryDefaultRule() throws Exception {
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("gitleaks-cases.jsonl"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = json.readTree(line).get("text").asText();
        texts.add(t);
        texts.add("\n  " + t.replace(' ', '\n') + " \n");
        texts.add(t.toUpperCase(java.util.Locale.ROOT).substring(t.length() / 3));
      }
    }
    int matched = 0;
    for (SecretRule rule : GitleaksConfigLoader.loadDefault().rules()) {
      if (rule.regex() == null) {
        continue;
      }
      Backtracker bt = Backtracker.of(rule.regex());
      assertThat(bt).as(rule.id()).isNotNull();
      for (String t : texts) {
        if (bt.fits(t.length())) {
          matched += assertAgrees(rule.regex(), bt, t, 0) ? 1 : 0;
        }
      }
    }
    assertThat(matched).as("texts some rule matched").isGreaterThan(30);
  }

  @Test
  void boundsItsVisitedSet() {
    Backtracker bt = Backtracker.of(Pattern.compile("a{0,1000}b"));
    assertThat(bt.fits(100)).isTrue();
    assertThat(bt.fits(1_000_000)).isFalse();
  }

  /** Asserts the backtracker finds what RE2J's find(from) and group(g) find; true on a match. */
  private static boolean assertAgrees(Pattern p, Backtracker bt, String text, int from) {
    Matcher m = p.matcher(text);
    boolean found = m.find(from);
    int[] caps = bt.match(text, from, text.length(), 2);
    assertThat(caps != null).as("%s in %s from %d", p, text, from).isEqualTo(found);
    if (!found) {
      return false;
    }
    assertThat(Arrays.copyOf(caps, 2))
        .as("%s in %s from %d", p, text, from)
        .containsExactly(m.start(), m.end());
    int groups = p.groupCount();
    int[] all = bt.match(text, caps[0], Math.min(caps[1] + 1, text.length()), 2 * (groups + 1));
    for (int g = 1; g <= groups; g++) {
      String mine = all[2 * g] < 0 ? null : text.substring(all[2 * g], all[2 * g + 1]);
      assertThat(mine).as("group %d of %s in %s", g, p, text).isEqualTo(m.group(g));
    }
    return true;
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      int i = random.nextInt(alphabet.length());
      char c = alphabet.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < alphabet.length()) {
        b.append(c).append(alphabet.charAt(i + 1));
      } else if (!Character.isLowSurrogate(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
