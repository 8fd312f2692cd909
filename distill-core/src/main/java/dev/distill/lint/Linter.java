package dev.distill.lint;

import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import dev.distill.lint.rules.RuleCatalog;
import dev.distill.lint.rules.ShellKind;
import dev.distill.report.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lints Dockerfiles with the DL rules (and ShellCheck where installed), applying the configuration
 * and the {@code # hadolint} pragmas. Thread-safe: one instance can lint many files.
 */
public final class Linter {
  public static final String TOOL = "distill-lint";
  public static final String SHELLCHECK_MISSING =
      "shellcheck is not installed: RUN scripts were not checked for SC findings (install shellcheck to enable them)";
  private static final List<String> PROXY_VARIABLES =
      List.of(
          "HTTP_PROXY",
          "http_proxy",
          "HTTPS_PROXY",
          "https_proxy",
          "FTP_PROXY",
          "ftp_proxy",
          "NO_PROXY",
          "no_proxy",
          "ALL_PROXY",
          "all_proxy");

  private final LintConfig config;
  private final List<LintRule> rules;
  private final ShellCheck shellCheck;

  public Linter(LintConfig config) {
    this(config, RuleCatalog.all(), new ShellCheck("shellcheck"));
  }

  public Linter(LintConfig config, List<LintRule> rules, ShellCheck shellCheck) {
    this.config = config;
    this.rules = List.copyOf(rules);
    this.shellCheck = shellCheck;
  }

  public LintConfig config() {
    return config;
  }

  /** The rule catalogue for reports. */
  public static List<RuleDescriptor> catalogue() {
    return RuleCatalog.descriptors();
  }

  /** Parses and lints one file. Bad input throws {@link dev.distill.DistillException}. */
  public LintResult lint(Path file) {
    return lint(DockerfileParser.parse(file));
  }

  public LintResult lint(Dockerfile dockerfile) {
    LintContext ctx = new LintContext(dockerfile, config);
    Pragmas pragmas = ctx.pragmas();
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (LintRule rule : rules) {
      if (!enabled(rule.id(), rule.enabledByDefault())) {
        continue;
      }
      Severity severity = config.overrides().getOrDefault(rule.id(), rule.severity());
      rule.check(
          ctx,
          (line, message) -> {
            if (!pragmas.ignores(rule.id(), line, ctx.stageAt(line))) {
              add(findings, seen, dockerfile.path(), rule.id(), severity, line, message);
            }
          });
    }
    List<String> notes = new ArrayList<>();
    if (config.shellcheck()) {
      if (shellCheck.available()) {
        runShellCheck(ctx, findings, seen);
      } else {
        notes.add(SHELLCHECK_MISSING);
      }
    }
    findings.sort(
        Comparator.comparingInt((Finding f) -> f.location().line()).thenComparing(Finding::ruleId));
    return new LintResult(findings, notes);
  }

  /** True if the findings fail the run under the configured threshold. */
  public boolean fails(List<Finding> findings) {
    if (config.noFail()) {
      return false;
    }
    return findings.stream().anyMatch(f -> rank(f.severity()) >= rank(config.failureThreshold()));
  }

  /** Orders severities as hadolint does: style < info < warning < error. */
  public static int rank(Severity s) {
    return switch (s) {
      case STYLE -> 1;
      case INFO, UNKNOWN -> 2;
      case LOW, WARNING -> 3;
      case MEDIUM -> 4;
      case ERROR, HIGH, CRITICAL -> 5;
    };
  }

  /** Wraps findings into a report with the rule catalogue. */
  public static Report report(String toolVersion, List<Finding> findings) {
    return new Report(TOOL, toolVersion, catalogue(), findings);
  }

  private boolean enabled(String id, boolean byDefault) {
    if (config.ignored().contains(id)) {
      return false;
    }
    return byDefault || config.allRules() || config.overrides().containsKey(id);
  }

  private void runShellCheck(LintContext ctx, List<Finding> findings, Set<String> seen) {
    if (ShellKind.nonPosix(ctx.pragmaShell())) {
      return;
    }
    for (RunInstruction run : ctx.runs()) {
      if (run.run().isJsonForm()) {
        continue;
      }
      List<String> shell = ctx.shellFor(run.stage(), run.instruction());
      if (ShellKind.nonPosix(shell.get(0))) {
        continue;
      }
      List<String> vars = new ArrayList<>(PROXY_VARIABLES);
      for (Stage s : run.stage().lineage()) {
        for (Instruction i : LintContext.stageInstructions(s)) {
          Instruction e = i.effective();
          if (e.is("ARG") || e.is("ENV")) {
            for (String[] kv : KeyValues.parse(e.arguments())) {
              if (Regex.matches("[A-Za-z_][A-Za-z0-9_]*", kv[0])) {
                vars.add(kv[0]);
              }
            }
          }
        }
      }
      for (ShellCheck.Issue issue :
          shellCheck.check(shell.get(0), vars, LintContext.script(run.run()))) {
        if (config.ignored().contains(issue.code())
            || ctx.pragmas().ignores(issue.code(), run.line(), run.stage())) {
          continue;
        }
        Severity sev = config.overrides().getOrDefault(issue.code(), issue.severity());
        add(
            findings,
            seen,
            ctx.dockerfile().path(),
            issue.code(),
            sev,
            run.line(),
            issue.message());
      }
    }
  }

  private static void add(
      List<Finding> findings,
      Set<String> seen,
      String path,
      String id,
      Severity sev,
      int line,
      String message) {
    String key = id + "|" + line + "|" + message;
    if (!seen.add(key)) {
      return;
    }
    findings.add(
        new Finding(
            TOOL, id, sev, message, Location.of(path, line), fingerprint(path, key), Map.of()));
  }

  private static String fingerprint(String path, String key) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest((path + "|" + key).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
