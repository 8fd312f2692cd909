package dev.distill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SecretsCommandTest {
  static final String PAT = "ghp_8KxVJq0rX9zYtWmN3pL5bC7dF2gH4jK6sA1e";

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = Main.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = cli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void treeWithALeakExitsOneAndRedactsByDefault(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("app.env"), "GITHUB=" + PAT + "\n");
    Run r = run("secrets", "--no-git", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("app.env:1:8: github-pat").contains("secret: REDACTED");
    assertThat(r.out()).doesNotContain(PAT);
    Run shown = run("secrets", "--no-git", "--no-redact", "--exit-code", "7", dir.toString());
    assertThat(shown.code()).isEqualTo(7);
    assertThat(shown.out()).contains(PAT);
  }

  @Test
  void cleanTreeExitsZeroAndCsvReportIsWrittenToFile(@TempDir Path dir) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("ok.txt"), "nothing to see\n");
    Run clean = run("secrets", "--no-git", src.toString());
    assertThat(clean.code()).isZero();
    assertThat(clean.out()).contains("no leaks found");
    Files.writeString(src.resolve("leak.txt"), "x\ntoken " + PAT + "\n");
    Path report = dir.resolve("out.csv");
    Run csv =
        run(
            "secrets",
            "--no-git",
            "--format",
            "csv",
            "--report",
            report.toString(),
            src.toString());
    assertThat(csv.code()).isEqualTo(1);
    assertThat(Files.readAllLines(report))
        .hasSize(2)
        .element(1)
        .asString()
        .startsWith("secrets,github-pat,HIGH,leak.txt,2,7,");
  }

  @Test
  void gitRepositoryHistoryIsTheDefaultAndIgnoreFileApplies(@TempDir Path dir) throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      Files.writeString(dir.resolve("a.txt"), PAT + "\n");
      git.add().addFilepattern("a.txt").call();
      String sha =
          git.commit()
              .setMessage("leak")
              .setAuthor("A", "a@x")
              .setCommitter("A", "a@x")
              .call()
              .name();
      Files.delete(dir.resolve("a.txt"));
      git.rm().addFilepattern("a.txt").call();
      git.commit().setMessage("remove").setAuthor("A", "a@x").setCommitter("A", "a@x").call();
      Run r = run("secrets", dir.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).contains("commit: " + sha).contains(sha + ":a.txt:github-pat:1");
      Files.writeString(dir.resolve(".gitleaksignore"), sha + ":a.txt:github-pat:1\n");
      assertThat(run("secrets", dir.toString()).code()).isZero();
    }
  }

  @Test
  void badConfigIsExitTwoNamingTheRule(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("bad.toml");
    Files.writeString(cfg, "[[rules]]\nid = \"broken-rule\"\nregex = '''(?<=a)b'''\n");
    Run r = run("secrets", "--no-git", "--config", cfg.toString(), dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error:").contains("broken-rule");
    Files.writeString(cfg, "[[rules]\n");
    Run toml = run("secrets", "--no-git", "--config", cfg.toString(), dir.toString());
    assertThat(toml.code()).isEqualTo(2);
    assertThat(toml.err()).contains("bad TOML");
    assertThat(run("secrets", "--format", "xml", dir.toString()).code()).isEqualTo(2);
  }
}
