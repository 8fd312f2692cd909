package dev.distill.cli;

import dev.distill.DistillException;
import dev.distill.io.AtomicFiles;
import dev.distill.progress.ProgressListener;
import dev.distill.report.Report;
import dev.distill.report.ReportWriters;
import dev.distill.secrets.Detector;
import dev.distill.secrets.GitleaksConfigLoader;
import dev.distill.secrets.ScanOptions;
import dev.distill.secrets.ScanResult;
import dev.distill.secrets.SecretFinding;
import dev.distill.secrets.SecretScanner;
import dev.distill.secrets.SecretsConfig;
import dev.distill.secrets.Suppressions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code distill secrets}: gitleaks-compatible secret scanning of a tree, git history or stdin. A
 * pre-commit hook runs it on every commit, so its spec is built in code rather than from
 * annotations (see {@link Specs}).
 */
public final class SecretsCommand implements Callable<Integer> {
  static {
    // JGit logs through SLF4J; without a provider SLF4J warns on stderr. Keep the CLI quiet.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
  }

  private CommandSpec spec;

  // The options, read from the spec when the command runs.
  private CommonOptions common;
  private Path path;
  private boolean history;
  private boolean noGit;
  private boolean staged;
  private boolean stdin;
  private Path config;
  private Path gitleaksIgnore;
  private Path baseline;
  private boolean redact;
  private int exitCode;
  private String format;
  private Path report;
  private boolean respectGitignore;
  private long maxTargetMegabytes;
  private int maxDecodeDepth;
  private boolean ignoreAllowComments;

  private SecretsCommand() {}

  /** A new command with its options. */
  static CommandSpec commandSpec() {
    SecretsCommand command = new SecretsCommand();
    CommandSpec spec =
        Specs.command(
            command,
            "secrets",
            new String[] {
              "Finds secrets with gitleaks-compatible rules (.gitleaks.toml works unchanged).",
              "A git repository's full history is scanned by default, any other PATH as a tree."
            },
            "0:no leaks",
            "1:leaks found (see --exit-code)",
            "2:bad usage or bad input",
            "3:internal error");
    spec.addPositional(
        PositionalParamSpec.builder()
            .index("0")
            .arity("0..1")
            .type(Path.class)
            .paramLabel("<path>")
            .defaultValue(".")
            .showDefaultValue(Help.Visibility.NEVER)
            .description("Directory or repository (default: .)")
            .build());
    Specs.flag(spec, "--history", "Scan the full git history (default in a repo).");
    Specs.flag(spec, "--no-git", "Scan PATH as a plain tree even in a git repository.");
    Specs.flag(spec, "--staged", "Scan lines staged in the index (pre-commit hook).");
    Specs.flag(spec, "--stdin", "Scan standard input.");
    Specs.option(
        spec,
        Path.class,
        "<config>",
        "gitleaks TOML config (default: PATH/.gitleaks.toml, else gitleaks' rules).",
        "-c",
        "--config");
    Specs.option(
        spec,
        Path.class,
        "<gitleaksIgnore>",
        "Fingerprints to ignore (default: PATH/.gitleaksignore if present).",
        "--gitleaksignore");
    Specs.option(
        spec,
        Path.class,
        "<baseline>",
        "Previous JSON report; its findings are ignored.",
        "--baseline");
    spec.addOption(
        OptionSpec.builder("--redact")
            .type(boolean.class)
            .negatable(true)
            .defaultValue("true")
            .fallbackValue("true")
            .description("Hide secrets in output (default; --no-redact shows them).")
            .build());
    Specs.optionWithDefault(
        spec, int.class, "<exitCode>", "1", "Exit code when leaks are found.", "--exit-code");
    Specs.optionWithDefault(
        spec,
        String.class,
        "<format>",
        "text",
        "text, json, sarif, junit, checkstyle or csv (default: ${DEFAULT-VALUE}).",
        "--format");
    Specs.option(
        spec, Path.class, "<report>", "Write the report to FILE instead of stdout.", "--report");
    Specs.flag(
        spec, "--respect-gitignore", "When scanning a tree, skip what .gitignore files ignore.");
    Specs.optionWithDefault(
        spec,
        long.class,
        "<maxTargetMegabytes>",
        "50",
        "Skip files larger than this (0: no limit).",
        "--max-target-megabytes");
    Specs.optionWithDefault(
        spec,
        int.class,
        "<maxDecodeDepth>",
        "5",
        "Passes decoding base64, hex and percent-encoded text (0: none).",
        "--max-decode-depth");
    Specs.flag(spec, "--ignore-gitleaks-allow", "Report lines marked gitleaks:allow.");
    CommonOptions.addTo(spec);
    command.spec = spec;
    return spec;
  }

  /** The values the options were given (or their defaults). */
  private void readOptions() {
    path = spec.positionalParameters().get(0).getValue();
    history = Specs.value(spec, "--history");
    noGit = Specs.value(spec, "--no-git");
    staged = Specs.value(spec, "--staged");
    stdin = Specs.value(spec, "--stdin");
    config = Specs.value(spec, "--config");
    gitleaksIgnore = Specs.value(spec, "--gitleaksignore");
    baseline = Specs.value(spec, "--baseline");
    redact = Specs.value(spec, "--redact");
    exitCode = Specs.value(spec, "--exit-code");
    format = Specs.value(spec, "--format");
    report = Specs.value(spec, "--report");
    respectGitignore = Specs.value(spec, "--respect-gitignore");
    maxTargetMegabytes = Specs.value(spec, "--max-target-megabytes");
    maxDecodeDepth = Specs.value(spec, "--max-decode-depth");
    ignoreAllowComments = Specs.value(spec, "--ignore-gitleaks-allow");
    common = CommonOptions.readFrom(spec);
  }

  @Override
  public Integer call() throws IOException {
    readOptions();
    if (!format.equals("text")) {
      ReportWriters.forFormat(format); // fails early, before a long scan, on an unknown format
    }
    if (List.of(history, noGit, staged, stdin).stream().filter(b -> b).count() > 1) {
      throw new DistillException("choose one of --history, --no-git, --staged and --stdin");
    }
    if (!stdin && !Files.exists(path)) {
      throw new DistillException("no such file or directory: " + path);
    }
    Path cfg = config;
    if (cfg == null && !stdin && Files.isRegularFile(path.resolve(".gitleaks.toml"))) {
      cfg = path.resolve(".gitleaks.toml");
    }
    SecretsConfig secretsConfig =
        cfg == null ? GitleaksConfigLoader.loadDefault() : GitleaksConfigLoader.load(cfg);
    PrintWriter err = spec.commandLine().getErr();
    ProgressListener progress = common.quiet ? ProgressListener.NONE : new NoteListener(err);
    secretsConfig.notes().forEach(progress::note);

    Path ignoreFile = gitleaksIgnore;
    if (ignoreFile == null && !stdin && Files.isRegularFile(path.resolve(".gitleaksignore"))) {
      ignoreFile = path.resolve(".gitleaksignore");
    }
    Set<String> ignored =
        ignoreFile == null ? Set.of() : Suppressions.readGitleaksIgnore(ignoreFile);
    Set<String> base = baseline == null ? Set.of() : Suppressions.readBaseline(baseline);

    ScanOptions options =
        ScanOptions.defaults()
            .withMaxFileBytes(maxTargetMegabytes * 1024 * 1024)
            .withHonourGitignore(respectGitignore)
            .withMaxDecodeDepth(maxDecodeDepth);
    Detector detector = new Detector(secretsConfig, maxDecodeDepth, !ignoreAllowComments);
    SecretScanner scanner =
        new SecretScanner(detector, options, new Suppressions(ignored, base), progress);

    ScanResult result;
    if (stdin) {
      result = scanner.scanStream(System.in, "stdin");
    } else if (staged) {
      result = scanner.scanStaged(path);
    } else if (history || (!noGit && SecretScanner.isGitRepository(path))) {
      result = scanner.scanGitHistory(path);
    } else if (Files.isRegularFile(path)) {
      try (var in = Files.newInputStream(path)) {
        result = scanner.scanStream(in, path.toString().replace('\\', '/'));
      }
    } else {
      result = scanner.scanDirectory(path);
    }

    byte[] output = render(result, secretsConfig);
    if (report == null) {
      OutputStream out = System.out;
      out.write(output);
      out.flush();
    } else {
      AtomicFiles.write(report, output);
    }
    if (!common.quiet) {
      err.printf(
          "secrets: %d leak(s) in %d file(s), %d bytes scanned%n",
          result.findings().size(), result.filesScanned(), result.bytesScanned());
      err.flush();
    }
    return result.findings().isEmpty() ? Main.CLEAN : exitCode;
  }

  private byte[] render(ScanResult result, SecretsConfig cfg) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    if (!format.equals("text")) {
      Report r =
          new Report(
              SecretFinding.TOOL, Main.version(), cfg.ruleDescriptors(), result.toFindings(redact));
      ReportWriters.forFormat(format).write(List.of(r), buf);
    } else {
      StringBuilder b = new StringBuilder();
      for (var f : result.toFindings(redact)) {
        b.append(f.location()).append(": ").append(f.ruleId()).append(": ").append(f.message());
        b.append("\n    secret: ").append(f.properties().get("secret"));
        String commit = f.properties().get("commit");
        if (commit != null) {
          b.append("\n    commit: ").append(commit);
          b.append("  author: ").append(f.properties().get("author"));
          b.append(" <").append(f.properties().get("email")).append(">");
          b.append("  date: ").append(f.properties().get("date"));
        }
        b.append("\n    fingerprint: ").append(f.fingerprint()).append('\n');
      }
      if (result.findings().isEmpty()) {
        b.append("no leaks found\n");
      }
      buf.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
    return buf.toByteArray();
  }

  /** Prints notes on stderr. */
  private record NoteListener(PrintWriter err) implements ProgressListener {
    @Override
    public void note(String message) {
      err.println("note: " + message);
      err.flush();
    }
  }
}
