package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecoderTest {

  @Test
  void decodesBase64HexAndPercentRuns() {
    String b64 = Base64.getEncoder().encodeToString("token = abc123secret".getBytes(UTF8));
    String hex = HexFormat.of().formatHex("password: hunter2hunter2".getBytes(UTF8));
    Decoder.Pass pass = Decoder.decode("a " + b64 + " b " + hex + " c %41%42%43 d");
    assertThat(pass.text()).isEqualTo("a token = abc123secret b password: hunter2hunter2 c ABC d");
    assertThat(pass.segments())
        .extracting(Decoder.Segment::encoding)
        .containsExactly("base64", "hex", "percent");
  }

  @Test
  void hexRunEndingInPaddingIsNotACrash() {
    String run = "0123456789abcdef0123456789abcdef==";
    Decoder.Pass pass = Decoder.decode("x " + run + " y");
    assertThat(pass.text()).startsWith("x ").endsWith(" y"); // decoded as base64 or kept; no error
  }

  @Test
  void textWithoutPercentDecodesAsWithAnUnrelatedPercent() {
    // Texts without '%' take a skip-ahead path; a lone '%' at the end forces the general scan,
    // which must find the same runs before it.
    Random random = new Random(21);
    for (int round = 0; round < 500; round++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < random.nextInt(400)) {
        switch (random.nextInt(5)) {
          case 0 ->
              b.append(
                  Base64.getEncoder()
                      .encodeToString(word(random, 8 + random.nextInt(30)).getBytes(UTF8)));
          case 1 ->
              b.append(
                  HexFormat.of().formatHex(word(random, 16 + random.nextInt(10)).getBytes(UTF8)));
          case 2 -> b.append(word(random, random.nextInt(20)));
          case 3 -> b.append("=".repeat(random.nextInt(4)));
          default -> b.append(" \n\t(),;:\"".charAt(random.nextInt(9)));
        }
      }
      String text = b.toString();
      Decoder.Pass plain = Decoder.decode(text);
      Decoder.Pass general = Decoder.decode(text + "\n%");
      assertThat(general.text()).as(text).isEqualTo(plain.text() + "\n%");
      assertThat(general.segments()).as(text).isEqualTo(plain.segments());
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static String word(Random r, int n) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFXYZ0123456789_-+/ =:";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
