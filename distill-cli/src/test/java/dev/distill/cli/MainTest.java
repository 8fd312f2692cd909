package dev.distill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    // As Main.run sets it up: only the named sub-command, or all of them.
    CommandLine cli = Main.newCommandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "resolve", "fetch", "lock", "build", "inspect", "scan", "sbom", "lint", "secrets", "check"
      })
  void everyCommandHasHelp(String command) {
    Run r = run(command, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: distill " + command);
  }

  @Test
  void versionAndTopLevelHelp() {
    assertThat(run("--version").out()).startsWith("distill ");
    Run help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("build", "scan", "Exit codes");
  }

  @Test
  void aRunSetsUpOnlyTheSubCommandItNamesButHelpSeesThemAll() {
    assertThat(Main.newCommandLine(new String[] {"build", "x"}).getSubcommands().keySet())
        .containsExactly("build");
    assertThat(Main.newCommandLine(new String[] {"--help"}).getSubcommands().keySet())
        .containsExactly(
            "help", "resolve", "fetch", "lock", "build", "inspect", "scan", "sbom", "lint",
            "secrets", "check");
    Run helpBuild = run("help", "build");
    assertThat(helpBuild.code()).isZero();
    assertThat(helpBuild.out()).contains("Usage: distill build");
    Run typo = run("bild");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("Did you mean").contains("build");
  }

  @Test
  void badUsageExitsTwoWithoutAStackTrace() {
    Run unknown = run("frobnicate");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("frobnicate").doesNotContain("Exception");
    Run noCommand = run();
    assertThat(noCommand.code()).isEqualTo(2);
    Run badArch =
        run("resolve", "nginx", "--arch", "sparc", "--offline", "--cache-dir", tmp.toString());
    assertThat(badArch.code()).isEqualTo(2);
    assertThat(badArch.err()).startsWith("error: ").contains("sparc").doesNotContain("\tat ");
    Run debug =
        run(
            "resolve",
            "nginx",
            "--arch",
            "sparc",
            "--offline",
            "--cache-dir",
            tmp.toString(),
            "--debug");
    assertThat(debug.err()).contains("\tat ");
  }

  @Test
  void aGzipLevelOutOfRangeIsBadUsage() {
    Run r = run("build", tmp.toString(), "--gzip-level", "12");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--gzip-level must be between 1 and 9, not 12");
  }

  @Test
  void missingSpecIsBadInput() {
    Run r = run("build", tmp.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("No image spec");
  }
}
