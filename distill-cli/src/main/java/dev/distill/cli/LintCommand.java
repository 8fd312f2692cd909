package dev.distill.cli;

import dev.distill.findings.Finding;
import dev.distill.findings.Severity;
import dev.distill.lint.DockerfileParser;
import dev.distill.lint.HadolintConfig;
import dev.distill.lint.LintConfig;
import dev.distill.lint.LintResult;
import dev.distill.lint.Linter;
import dev.distill.report.Report;
import dev.distill.report.ReportWriter;
import dev.distill.report.ReportWriters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code distill lint}: hadolint-compatible Dockerfile linting. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Lints Dockerfiles with hadolint's DL rules (and ShellCheck where it is installed).",
      "Reads .hadolint.yaml from the current directory unless --config is given;",
      "honours '# hadolint ignore=…' and '# hadolint global ignore=…' pragmas."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no findings at or over the threshold",
      "1:findings at or over the threshold",
      "2:bad input"
    })
public final class LintCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "tty",
      description =
          "Output format: tty, json, sarif, checkstyle, junit (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-c", "--config"},
      description = "A .hadolint.yaml configuration file.")
  Path config;

  @Option(
      names = "--ignore",
      paramLabel = "CODE",
      description = "A rule to skip (repeatable), e.g. DL3008.")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--trusted-registry",
      paramLabel = "REGISTRY",
      description = "A registry FROM may use (repeatable); turns on DL3026.")
  List<String> trustedRegistries = new ArrayList<>();

  @Option(
      names = {"-t", "--failure-threshold"},
      paramLabel = "LEVEL",
      description =
          "Fail on findings at or above: error, warning, info, style, none (default: info).")
  String failureThreshold;

  @Option(names = "--no-fail", description = "Always exit 0 when the files could be linted.")
  boolean noFail;

  @Option(names = "--no-shellcheck", description = "Do not run ShellCheck on RUN scripts.")
  boolean noShellcheck;

  @Parameters(
      arity = "1..*",
      paramLabel = "Dockerfile",
      description = "Dockerfiles to lint; - reads standard input.")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    LintConfig cfg = LintConfig.defaults();
    Path cfgFile = config != null ? config : Path.of(".hadolint.yaml");
    if (config != null || Files.isRegularFile(cfgFile)) {
      cfg = HadolintConfig.load(cfgFile, cfg);
    }
    if (!ignore.isEmpty()) {
      Set<String> ids = new HashSet<>(cfg.ignored());
      ids.addAll(ignore);
      cfg = cfg.withIgnored(ids);
    }
    if (!trustedRegistries.isEmpty()) {
      List<String> r = new ArrayList<>(cfg.trustedRegistries());
      r.addAll(trustedRegistries);
      cfg = cfg.withTrustedRegistries(r);
    }
    Severity threshold = cfg.failureThreshold();
    boolean never = cfg.noFail() || noFail;
    if (failureThreshold != null) {
      if (failureThreshold.equalsIgnoreCase("none")) {
        never = true;
      } else {
        threshold = HadolintConfig.threshold("--failure-threshold", failureThreshold);
      }
    }
    cfg = cfg.withFailureThreshold(threshold, never).withShellcheck(!noShellcheck);
    ReportWriter writer = ReportWriters.forFormat(format);
    Linter linter = new Linter(cfg);
    List<Finding> findings = new ArrayList<>();
    Set<String> notes = new java.util.LinkedHashSet<>();
    for (Path f : files) {
      LintResult result =
          f.toString().equals("-")
              ? linter.lint(DockerfileParser.parse("-", System.in.readAllBytes()))
              : linter.lint(f);
      findings.addAll(result.findings());
      notes.addAll(result.notes());
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!common.quiet) {
      notes.forEach(n -> err.println("note: " + n));
      err.flush();
    }
    Report report = Linter.report(Main.version(), findings);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    writer.write(List.of(report), buf);
    PrintWriter out = spec.commandLine().getOut();
    out.print(buf.toString(StandardCharsets.UTF_8));
    out.flush();
    return linter.fails(findings) ? Main.FINDINGS : Main.CLEAN;
  }
}
