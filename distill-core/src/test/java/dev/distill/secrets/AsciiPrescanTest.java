package dev.distill.secrets;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiPrescanTest {
  private static final KeywordMatcher DEFAULT_KEYWORDS = defaultKeywords();

  private static KeywordMatcher defaultKeywords() {
    List<String> all = new ArrayList<>();
    for (SecretRule r : GitleaksConfigLoader.loadDefault().rules()) {
      all.addAll(r.keywords());
    }
    return new KeywordMatcher(all);
  }

  @Test
  void findsWhatTheTextSearchesFindAcrossThePartsBorders() {
    Random random = new Random(17);
    // Keywords, base64 and hex runs of every length around the threshold, and separators, so
    // runs and keywords fall across the borders of the parts walked in step.
    String[] pieces = {
      "key",
      "KEY",
      "ghp_",
      "token",
      "ey",
      "sk",
      "xoxb",
      "AKIA",
      "s.",
      " ",
      "\n",
      "=",
      "(",
      "%",
      "aB3",
      "0f",
      "Zz9_-",
      "+/",
      "q~",
      "a3t",
      "abcdef0123456789"
    };
    for (int round = 0; round < 300; round++) {
      StringBuilder b = new StringBuilder();
      int length = round % 3 == 0 ? random.nextInt(200) : 4096 + random.nextInt(9000);
      while (b.length() < length) {
        String p = pieces[random.nextInt(pieces.length)];
        if (random.nextInt(10) == 0) {
          int run = 10 + random.nextInt(30);
          for (int i = 0; i < run; i++) {
            b.append("AbCdEf0123456789_-+/".charAt(random.nextInt(20)));
          }
        } else {
          b.append(p);
        }
      }
      String text = b.toString().replace("%", round % 2 == 0 ? "%" : ".");
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      AsciiPrescan prescan = AsciiPrescan.of(DEFAULT_KEYWORDS, bytes, bytes.length);

      assertThat(prescan).isNotNull();
      assertThat(prescan.occurrences()).isEqualTo(DEFAULT_KEYWORDS.findAll(text));
      assertThat(prescan.base64Starts()).isEqualTo(naiveBase64Starts(text));
      assertThat(prescan.newlines()).isEqualTo(positionsOf(text, '\n'));
      assertThat(prescan.hasPercent()).isEqualTo(text.indexOf('%') >= 0);
      if (!prescan.hasPercent()) {
        Decoder.Pass hinted = Decoder.decode(text, prescan.base64Starts());
        Decoder.Pass plain = Decoder.decode(text);
        assertThat(hinted.text()).isEqualTo(plain.text());
        assertThat(hinted.segments()).isEqualTo(plain.segments());
      }
    }
  }

  @Test
  void detectorFindsTheSameWithThePrescanAsWithout() throws Exception {
    Detector detector = new Detector(GitleaksConfigLoader.loadDefault());
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("gitleaks-cases.jsonl"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        texts.add(json.readTree(line).get("text").asText());
      }
    }
    // Every sample alone, then all of them in one long text (walked in parts), with encoded
    // copies so the decoding passes run too, with and without a '%'.
    StringBuilder all = new StringBuilder();
    for (String t : texts) {
      String encoded = Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8));
      all.append("filler line\n").append(t).append("\nconfig = \"").append(encoded).append("\"\n");
    }
    texts.add(all.toString());
    texts.add(all + "\nurl = https://example.com/?q=a%20b\n");
    int compared = 0;
    for (String text : texts) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      AsciiPrescan prescan = detector.prescan(bytes, bytes.length);
      if (prescan == null) {
        continue; // not ASCII: the scanner searches the text itself
      }
      Fragment fragment = Fragment.of(text, "config/app.env");
      List<SecretFinding> expected = detector.detect(fragment);
      assertThat(detector.detect(fragment, prescan)).isEqualTo(expected);
      compared += expected.size();
    }
    assertThat(compared).isGreaterThan(40);
  }

  @Test
  void readsOnlyTheGivenLengthOfTheBuffer() {
    byte[] bytes = "token = 1\nAKIA".getBytes(StandardCharsets.US_ASCII);
    AsciiPrescan prescan = AsciiPrescan.of(DEFAULT_KEYWORDS, bytes, 10);

    assertThat(prescan.occurrences()).isEqualTo(DEFAULT_KEYWORDS.findAll("token = 1\n"));
  }

  @Test
  void declinesTextThatIsNotAscii() {
    String text = "x".repeat(5000) + "clé token " + "y".repeat(5000);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    assertThat(AsciiPrescan.of(DEFAULT_KEYWORDS, bytes, bytes.length)).isNull();
    assertThat(AsciiPrescan.of(DEFAULT_KEYWORDS, "é".getBytes(StandardCharsets.UTF_8), 2)).isNull();
  }

  @Test
  void declinesKeywordSetsTooLargeForATablePerByte() {
    // About 50,000 states of 256 entries (~50 MB): such a config's texts are searched as text.
    List<String> many = new ArrayList<>();
    Random random = new Random(4);
    for (int i = 0; i < 5000; i++) {
      StringBuilder k = new StringBuilder();
      for (int j = 0; j < 12; j++) {
        k.append((char) ('a' + random.nextInt(26)));
      }
      many.add(k.toString());
    }
    KeywordMatcher large = new KeywordMatcher(many);
    byte[] bytes = (many.get(7) + " = 1\n").getBytes(US_ASCII);

    assertThat(large.withMarkers().byteTable()).isNull();
    assertThat(AsciiPrescan.of(large, bytes, bytes.length)).isNull();
    assertThat(large.findAll(many.get(7) + " = 1\n")).hasSize(1);
    assertThat(DEFAULT_KEYWORDS.withMarkers().byteTable()).isNotNull();
  }

  @Test
  void declinesOneByteOverAsciiWhereverItIs() {
    // The walk has no test of its own for such bytes (the automaton over bytes leads them to an
    // "ended" entry): one at each edge of each of the four parts, in the tail after them and
    // inside a keyword must each be seen.
    byte[] ascii = "key token = secret\n".repeat(600).substring(0, 10_003).getBytes(US_ASCII);
    int part = ascii.length / 4;
    assertThat(AsciiPrescan.of(DEFAULT_KEYWORDS, ascii, ascii.length)).isNotNull();
    int[] where = {
      0,
      1,
      part - 1,
      part,
      part + 1,
      2 * part - 1,
      2 * part,
      3 * part - 1,
      3 * part,
      4 * part - 1,
      4 * part,
      ascii.length - 1,
      5,
      2 * part + 9
    };
    for (int at : where) {
      for (int value : new int[] {0x80, 0xc3, 0xff}) {
        byte[] bytes = ascii.clone();
        bytes[at] = (byte) value;
        assertThat(AsciiPrescan.of(DEFAULT_KEYWORDS, bytes, bytes.length))
            .as("byte 0x%x at %d", value, at)
            .isNull();
      }
    }
  }

  private static int[] positionsOf(String text, char c) {
    List<Integer> at = new ArrayList<>();
    for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
      at.add(i);
    }
    return at.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Starts of maximal runs of at least 16 base64 chars, found the slow way. */
  @Test
  void longRunsInEveryPartAreFoundOnceThoughTheRunTestOverflows() {
    // Four parts of one long base64 run: the parts after the first start with a run length of 16,
    // so their lengths at byte i are i + 17 and the first's i + 1. The in-step test multiplies
    // (length - 16) of the four, which wraps to zero at i = 2047 (2048^3 = 2^33) though no length
    // is 16 there: that must record nothing. Runs broken near the part borders must still each
    // be found once.
    for (String separator : new String[] {"", " ", "\n"}) {
      StringBuilder b = new StringBuilder();
      for (int part = 0; part < 4; part++) {
        b.append("a".repeat(5000));
        b.append(separator);
      }
      String text = b.toString();
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

      AsciiPrescan prescan = AsciiPrescan.of(DEFAULT_KEYWORDS, bytes, bytes.length);

      assertThat(prescan).isNotNull();
      assertThat(prescan.base64Starts()).isEqualTo(naiveBase64Starts(text));
      assertThat(prescan.base64Starts()).hasSize(separator.isEmpty() ? 1 : 4);
    }
  }

  private static int[] naiveBase64Starts(String text) {
    List<Integer> starts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!Decoder.isBase64Char(text.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < text.length() && Decoder.isBase64Char(text.charAt(j))) {
        j++;
      }
      if (j - i >= Decoder.MIN_BASE64) {
        starts.add(i);
      }
      i = j;
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
