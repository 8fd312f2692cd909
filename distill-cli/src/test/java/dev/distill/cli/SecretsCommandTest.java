package dev.distill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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

  /** The spec is built in code: each option must reach the scan as its annotation did. */
  @Test
  void everyOptionOfTheCodeBuiltSpecTakesEffect(@TempDir Path dir) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("allowed.txt"), "t = " + PAT + " // gitleaks:allow\n");
    assertThat(run("secrets", "--no-git", tree.toString()).code()).isZero();
    assertThat(run("secrets", "--no-git", "--ignore-gitleaks-allow", tree.toString()).code())
        .isEqualTo(1);
    Files.delete(tree.resolve("allowed.txt"));

    // Base64 of the token: found by decoding, which --max-decode-depth 0 turns off.
    String encoded =
        java.util.Base64.getEncoder()
            .encodeToString(("token=" + PAT).getBytes(StandardCharsets.UTF_8));
    Files.writeString(tree.resolve("encoded.txt"), "blob " + encoded + "\n");
    assertThat(run("secrets", "--no-git", tree.toString()).code()).isEqualTo(1);
    assertThat(run("secrets", "--no-git", "--max-decode-depth", "0", tree.toString()).code())
        .isZero();
    Files.delete(tree.resolve("encoded.txt"));

    // Over 1 MB: skipped with a note under --max-target-megabytes 1, scanned by default (50).
    Files.writeString(tree.resolve("big.txt"), "x".repeat(1_100_000) + "\n" + PAT + "\n");
    assertThat(run("secrets", "--no-git", tree.toString()).code()).isEqualTo(1);
    Run skipped = run("secrets", "--no-git", "--max-target-megabytes", "1", tree.toString());
    assertThat(skipped.code()).isZero();
    assertThat(skipped.err()).contains("big.txt").contains("size limit");
    assertThat(
            run("secrets", "--no-git", "--quiet", "--max-target-megabytes", "1", tree.toString())
                .err())
        .doesNotContain("size limit");

    // .gitignore is honoured only when asked.
    Files.writeString(tree.resolve(".gitignore"), "big.txt\n");
    assertThat(run("secrets", "--no-git", "--respect-gitignore", tree.toString()).code()).isZero();
    Files.delete(tree.resolve(".gitignore"));

    // An ignore file elsewhere, and a baseline report, each suppress what they name.
    Path ignore = dir.resolve("ignore.txt");
    Files.writeString(ignore, "big.txt:github-pat:2\n");
    assertThat(
            run("secrets", "--no-git", "--gitleaksignore", ignore.toString(), tree.toString())
                .code())
        .isZero();
    Path baseline = dir.resolve("baseline.json");
    run(
        "secrets",
        "--no-git",
        "--format",
        "json",
        "--report",
        baseline.toString(),
        tree.toString());
    assertThat(
            run("secrets", "--no-git", "--baseline", baseline.toString(), tree.toString()).code())
        .isZero();

    // Standard input, and the version every command prints.
    InputStream old = System.in;
    System.setIn(new ByteArrayInputStream(("k = " + PAT + "\n").getBytes(StandardCharsets.UTF_8)));
    try {
      Run piped = run("secrets", "--stdin");
      assertThat(piped.code()).isEqualTo(1);
      assertThat(piped.out()).contains("stdin:1:");
    } finally {
      System.setIn(old);
    }
    CommandLine cli = Main.newCommandLine();
    StringWriter version = new StringWriter();
    cli.setOut(new PrintWriter(version));
    assertThat(cli.execute("secrets", "--version")).isZero();
    assertThat(version.toString()).startsWith("distill ");
    assertThat(run("secrets", "--stdin", "--no-git").code()).isEqualTo(2);
  }
}
