package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

  @Test
  void findsOverlappingKeywordsCaseInsensitively() {
    KeywordMatcher m = new KeywordMatcher(List.of("he", "she", "HERS", "his", "ghp_"));
    BitSet found = m.find("uSHErs and GHP_x");
    assertThat(names(m, found)).containsExactlyInAnyOrder("he", "she", "hers", "ghp_");
    assertThat(names(m, m.find("nothing here?"))).containsExactly("he");
  }

  @Test
  void nonAsciiKeywordsAndText() {
    KeywordMatcher m = new KeywordMatcher(List.of("clé", "key"));
    assertThat(names(m, m.find("la CLÉ est là"))).containsExactly("clé");
    assertThat(names(m, m.find("ünïcode KEY"))).containsExactly("key");
  }

  @Test
  void agreesWithNaiveSearchOnSeededRandomText() {
    Random random = new Random(42);
    String alphabet = "abAB_-c";
    for (int round = 0; round < 200; round++) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(8); i++) {
        words.add(randomText(random, alphabet, 1 + random.nextInt(4)));
      }
      String text = randomText(random, alphabet, random.nextInt(60));
      KeywordMatcher m = new KeywordMatcher(words);
      BitSet found = m.find(text);
      String lower = text.toLowerCase(Locale.ROOT);
      for (int k = 0; k < m.keywords().size(); k++) {
        assertThat(found.get(k))
            .as("keyword %s in %s", m.keywords().get(k), text)
            .isEqualTo(lower.contains(m.keywords().get(k)));
      }
    }
  }

  @Test
  void findAllReportsEveryOccurrenceLikeANaiveSearchInTextOrder() {
    Random random = new Random(9);
    String alphabet = "abAB_-cÉé\u212A";
    for (int round = 0; round < 400; round++) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(6); i++) {
        words.add(randomText(random, "abé_-k", 1 + random.nextInt(round % 2 == 0 ? 3 : 7)));
      }
      // Short texts and long ones (as long as the chunks AsciiPrescan walks in parts): every
      // match found once, in order.
      int length = round % 2 == 0 ? random.nextInt(80) : 4096 + random.nextInt(6000);
      String text = randomText(random, alphabet, length);
      KeywordMatcher m = new KeywordMatcher(words);
      List<String> expected = new ArrayList<>();
      for (int end = 1; end <= text.length(); end++) {
        for (int k = 0; k < m.keywords().size(); k++) {
          String kw = m.keywords().get(k);
          int start = end - kw.length();
          if (start >= 0 && lowerEachChar(text.substring(start, end)).equals(kw)) {
            expected.add(k + "@" + end);
          }
        }
      }
      List<String> actual = new ArrayList<>();
      for (long o : m.findAll(text)) {
        actual.add((o >>> 32) + "@" + (int) o);
      }
      assertThat(actual).as("%s in %s", words, text).containsExactlyElementsOf(expected);
    }
  }

  private static String lowerEachChar(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(Character.toLowerCase(c));
    }
    return b.toString();
  }

  private static String randomText(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static List<String> names(KeywordMatcher m, BitSet found) {
    return found.stream().mapToObj(i -> m.keywords().get(i)).toList();
  }
}
