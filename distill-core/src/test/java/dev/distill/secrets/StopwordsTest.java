package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StopwordsTest {
  @Test
  void findsAWordExactlyWhenTheSecretContainsItIgnoringCase() {
    Random random = new Random(5);
    String alphabet = "abcAB_-1éÉ\u0130\u212A";
    int found = 0;
    for (int round = 0; round < 2000; round++) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(8); i++) {
        words.add(random(random, alphabet, 1 + random.nextInt(4)));
      }
      String secret = random(random, alphabet, random.nextInt(30));
      String lower = secret.toLowerCase(Locale.ROOT);
      boolean expected = words.stream().anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT)));

      assertThat(new Stopwords(words).foundIn(secret))
          .as("%s in %s", words, secret)
          .isEqualTo(expected);
      found += expected ? 1 : 0;
    }
    assertThat(found).isBetween(200, 1800); // both answers were tried often
  }

  @Test
  void anEmptyWordIsInEverySecretAndNoWordsInNone() {
    assertThat(new Stopwords(List.of("zzz", "")).foundIn("abc")).isTrue();
    assertThat(new Stopwords(List.of()).foundIn("abc")).isFalse();
  }

  @Test
  void isTheLowerCasedListOfItsWords() {
    Stopwords s = new Stopwords(List.of("Example", "TEST"));

    assertThat(s).containsExactly("example", "test");
    assertThat(s).isEqualTo(List.of("example", "test"));
  }

  private static String random(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
