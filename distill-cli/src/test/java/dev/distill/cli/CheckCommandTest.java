package dev.distill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code distill check} without images: the secret gate alone, bad input, the output folder. */
class CheckCommandTest {
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  @TempDir Path root;

  @Test
  void aCleanTreeWithoutServicesPasses() throws Exception {
    Files.writeString(root.resolve("README.md"), "nothing secret\n");
    int rc = Main.run("check", root.toString(), "--quiet");
    assertThat(rc).as(io.stderr()).isZero();
    assertThat(io.stdout()).contains("distill check: PASSED — 0 of 1 gates failed");
    assertThat(root.resolve("out/check/summary.json")).isNotEmptyFile();
    assertThat(root.resolve("out/check/secrets.sarif")).isNotEmptyFile();
  }

  @Test
  void aLeakFailsWithExitOneAndTheJsonSummaryNamesIt() throws Exception {
    Files.writeString(
        root.resolve("app.env"), "GITHUB_TOKEN=" + CapturedStreams.fakeGithubToken(7) + "\n");
    int rc = Main.run("check", root.toString(), "--quiet", "--format", "json");
    assertThat(rc).isEqualTo(1);
    assertThat(io.stdout()).contains("\"result\" : \"FAIL\"").contains("github-pat in app.env:1");
    assertThat(io.stdout()).doesNotContain(CapturedStreams.fakeGithubToken(7));
  }

  @Test
  void aTypoInTheConfigIsBadInputNamingTheLine() throws Exception {
    Files.writeString(root.resolve("distill.yaml"), "release: bookworm\nsmok: false\n");
    int rc = Main.run("check", root.toString());
    assertThat(rc).isEqualTo(2);
    assertThat(io.stderr()).contains("distill.yaml line 2").contains("'smok'");
    assertThat(io.stderr()).doesNotContain("Exception");
    assertThat(root.resolve("out")).doesNotExist();
  }

  @Test
  void anUnknownServiceOrDirectoryIsBadInput() {
    assertThat(Main.run("check", root.toString(), "--service", "web")).isEqualTo(2);
    assertThat(io.stderr()).contains("service 'web' has no image spec");
    assertThat(Main.run("check", root.resolve("nope").toString())).isEqualTo(2);
    assertThat(io.stderr()).contains("no such directory");
    assertThat(Main.run("check", root.toString(), "--release", "sid")).isEqualTo(2);
  }

  @Test
  void aFolderThatIsNotAnEarlierCheckIsNeverReplaced() throws Exception {
    Path keep = Files.createDirectories(root.resolve("out/check")).resolve("mine.txt");
    Files.writeString(keep, "precious\n");
    int rc = Main.run("check", root.toString(), "--quiet");
    assertThat(rc).isEqualTo(2);
    assertThat(io.stderr()).contains("may not be replaced");
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
