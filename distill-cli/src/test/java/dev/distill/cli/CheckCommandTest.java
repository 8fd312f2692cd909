package dev.distill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code distill check} without images: the secret gate alone, bad input, the output folder. */
class CheckCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @TempDir Path root;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String githubToken() {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    Random r = new Random(7);
    StringBuilder b = new StringBuilder("ghp_");
    for (int i = 0; i < 36; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  @Test
  void aCleanTreeWithoutServicesPasses() throws Exception {
    Files.writeString(root.resolve("README.md"), "nothing secret\n");
    int rc = Main.run("check", root.toString(), "--quiet");
    assertThat(rc).as(stderr()).isZero();
    assertThat(stdout()).contains("distill check: PASSED — 0 of 1 gates failed");
    assertThat(root.resolve("out/check/summary.json")).isNotEmptyFile();
    assertThat(root.resolve("out/check/secrets.sarif")).isNotEmptyFile();
  }

  @Test
  void aLeakFailsWithExitOneAndTheJsonSummaryNamesIt() throws Exception {
    Files.writeString(root.resolve("app.env"), "GITHUB_TOKEN=" + githubToken() + "\n");
    int rc = Main.run("check", root.toString(), "--quiet", "--format", "json");
    assertThat(rc).isEqualTo(1);
    assertThat(stdout()).contains("\"result\" : \"FAIL\"").contains("github-pat in app.env:1");
    assertThat(stdout()).doesNotContain(githubToken());
  }

  @Test
  void aTypoInTheConfigIsBadInputNamingTheLine() throws Exception {
    Files.writeString(root.resolve("distill.yaml"), "release: bookworm\nsmok: false\n");
    int rc = Main.run("check", root.toString());
    assertThat(rc).isEqualTo(2);
    assertThat(stderr()).contains("distill.yaml line 2").contains("'smok'");
    assertThat(stderr()).doesNotContain("Exception");
    assertThat(root.resolve("out")).doesNotExist();
  }

  @Test
  void anUnknownServiceOrDirectoryIsBadInput() {
    assertThat(Main.run("check", root.toString(), "--service", "web")).isEqualTo(2);
    assertThat(stderr()).contains("service 'web' has no image spec");
    assertThat(Main.run("check", root.resolve("nope").toString())).isEqualTo(2);
    assertThat(stderr()).contains("no such directory");
    assertThat(Main.run("check", root.toString(), "--release", "sid")).isEqualTo(2);
  }

  @Test
  void aFolderThatIsNotAnEarlierCheckIsNeverReplaced() throws Exception {
    Path keep = Files.createDirectories(root.resolve("out/check")).resolve("mine.txt");
    Files.writeString(keep, "precious\n");
    int rc = Main.run("check", root.toString(), "--quiet");
    assertThat(rc).isEqualTo(2);
    assertThat(stderr()).contains("may not be replaced");
    assertThat(keep).hasContent("precious");

    // An earlier check's folder is replaced whole.
    Path other = root.resolve("gate");
    assertThat(Main.run("check", root.toString(), "--quiet", "-o", other.toString())).isZero();
    Files.writeString(other.resolve("stale.txt"), "from before\n");
    assertThat(Main.run("check", root.toString(), "--quiet", "-o", other.toString())).isZero();
    assertThat(other.resolve("stale.txt")).doesNotExist();
    assertThat(other.resolve("summary.json")).isNotEmptyFile();
  }
}
