package dev.distill.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BundledTomlTest {
  private static final TomlMapper JACKSON = new TomlMapper();

  @Test
  void readsTheBundledRulesExactlyAsJacksonDoes() throws Exception {
    String text;
    try (InputStream in =
        GitleaksConfigLoader.class.getResourceAsStream(GitleaksConfigLoader.DEFAULT_RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var mine = BundledToml.parse(text);
    assertThat(mine).isNotNull();
    assertThat(mine.get("rules").size()).isGreaterThan(200);
    assertThat(mine).isEqualTo(JACKSON.readTree(text));
  }

  @Test
  void readsEachSupportedConstructAsJacksonDoes() throws Exception {
    String text =
        "# comment\n"
            + "title = \"t\" # trailing\n"
            + "[allowlist]\n"
            + "paths = [\n  '''a\\.b''', # c\n  'x',\n]\n"
            + "[[rules]]\nid = \"r1\"\nentropy = 3.50\nsecretGroup = 2\nflag = true\n"
            + "keywords = []\n"
            + "[[rules.allowlists]]\nregexes = ['''^x$''']\ncondition = \"AND\"\n"
            + "[[rules]]\nid = \"r2\"\nneg = -7\r\n";
    assertThat(BundledToml.parse(text)).isEqualTo(JACKSON.readTree(text));
  }

  @Test
  void refusesWhatItDoesNotReadSoJacksonReadsIt() {
    assertThat(BundledToml.parse("a = \"esc\\\"aped\"\n")).isNull();
    assertThat(BundledToml.parse("a.b = 1\n")).isNull();
    assertThat(BundledToml.parse("a = '''multi\nline'''\n")).isNull();
    assertThat(BundledToml.parse("a = 1_000\n")).isNull();
    assertThat(BundledToml.parse("a = 1\na = 2\n")).isNull();
    assertThat(BundledToml.parse("[t]\n[t]\n")).isNull();
    assertThat(BundledToml.parse("a = 2024-01-01\n")).isNull();
    assertThat(BundledToml.parse("'quoted' = 1\n")).isNull();
  }
}
