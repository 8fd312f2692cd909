package dev.distill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void findingsGiveExitOneAndTtyLines() throws IOException {
    Path df = file("Dockerfile", "FROM debian\nRUN apt-get install curl\n");
    Run r = run("lint", "--no-shellcheck", df.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains(df + ":1 DL3006 warning: ").contains(df + ":2 DL3008 warning: ");
  }

  @Test
  void cleanFileGivesExitZero() throws IOException {
    Path df =
        file(
            "Dockerfile",
            "FROM gcr.io/distroless/static-debian12:nonroot\nUSER 65532\nENTRYPOINT [\"/app\"]\n");
    Run r = run("lint", "--no-shellcheck", df.toString());
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void ignoreThresholdAndNoFailFlags() throws IOException {
    Path df =
        file("Dockerfile", "FROM debian\nRUN apt-get install -y --no-install-recommends curl\n");
    assertThat(
            run(
                    "lint",
                    "--no-shellcheck",
                    "--ignore",
                    "DL3006",
                    "--ignore",
                    "DL3008",
                    df.toString())
                .code())
        .isZero();
    assertThat(run("lint", "--no-shellcheck", "--failure-threshold", "error", df.toString()).code())
        .isZero();
    assertThat(run("lint", "--no-shellcheck", "--no-fail", df.toString()).code()).isZero();
    assertThat(run("lint", "--no-shellcheck", df.toString()).code()).isEqualTo(1);
  }

  @Test
  void configFileAndTrustedRegistry() throws IOException {
    Path df = file("Dockerfile", "FROM evil.example/debian:12\n");
    Path cfg = file("h.yaml", "trustedRegistries: [docker.io]\n");
    Run viaConfig =
        run(
            "lint",
            "--no-shellcheck",
            "--format",
            "json",
            "--config",
            cfg.toString(),
            df.toString());
    JsonNode json = new ObjectMapper().readTree(viaConfig.out());
    assertThat(json.get(0).get("code").asText()).isEqualTo("DL3026");
    assertThat(viaConfig.code()).isEqualTo(1);
    Run viaFlag =
        run("lint", "--no-shellcheck", "--trusted-registry", "evil.example", df.toString());
    assertThat(viaFlag.code()).isZero();
  }

  @Test
  void sarifCheckstyleAndJunitFormats() throws IOException {
    Path df = file("Dockerfile", "FROM debian\n");
    assertThat(run("lint", "--no-shellcheck", "--format", "sarif", df.toString()).out())
        .contains("\"version\" : \"2.1.0\"");
    assertThat(run("lint", "--no-shellcheck", "--format", "checkstyle", df.toString()).out())
        .contains("<checkstyle");
    assertThat(run("lint", "--no-shellcheck", "--format", "junit", df.toString()).out())
        .contains("<testsuites");
  }

  @Test
  void badInputGivesExitTwoWithLocation() throws IOException {
    Path bin = dir.resolve("bin");
    Files.write(bin, new byte[] {'F', 'R', 0, 1, 2});
    Run r = run("lint", bin.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error: " + bin + ":1:3: binary content");
    Run heredoc = run("lint", file("H", "FROM debian:12\nRUN <<EOF\necho\n").toString());
    assertThat(heredoc.code()).isEqualTo(2);
    assertThat(heredoc.err()).contains(":2:1: heredoc <<EOF is not terminated");
    assertThat(run("lint", "--format", "yaml", bin.toString()).code()).isEqualTo(2);
    assertThat(run("lint", dir.resolve("missing").toString()).code()).isEqualTo(2);
  }

  @Test
  void hasHelp() {
    Run r = run("lint", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("--failure-threshold")
        .contains("--format")
        .contains("--trusted-registry");
  }
}
