package dev.distill.gate;

import dev.distill.DistillException;
import dev.distill.findings.Finding;
import dev.distill.lint.DockerfileParser;
import dev.distill.lint.HadolintConfig;
import dev.distill.lint.LintConfig;
import dev.distill.lint.LintResult;
import dev.distill.lint.Linter;
import dev.distill.progress.ProgressListener;
import dev.distill.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints a service's Dockerfile as hadolint would with the repository's {@code .hadolint.yaml}
 * (rules, pragmas, failure threshold); findings carry the path relative to the repository root, as
 * code scanning wants it.
 */
final class LintStep {
  static final String GATE = "lint";

  private final String toolVersion;
  private final ProgressListener progress;

  LintStep(String toolVersion, ProgressListener progress) {
    this.toolVersion = toolVersion;
    this.progress = progress;
  }

  StepResult run(GateConfig config, String service, Path serviceDir) {
    if (!config.lint().enabled()) {
      return StepResult.of(GateOutcome.skipped(GATE, service, "turned off"));
    }
    Path dockerfile = serviceDir.resolve("Dockerfile");
    if (!Files.isRegularFile(dockerfile)) {
      return StepResult.of(GateOutcome.skipped(GATE, service, "no Dockerfile"));
    }
    LintConfig lintConfig = LintConfig.defaults();
    if (config.lint().config().isPresent()) {
      lintConfig = HadolintConfig.load(config.lint().config().get(), lintConfig);
    }
    Linter linter = new Linter(lintConfig);
    String name = config.root().relativize(dockerfile).toString().replace('\\', '/');
    LintResult result;
    try {
      result = linter.lint(DockerfileParser.parse(name, Files.readAllBytes(dockerfile)));
    } catch (IOException e) {
      throw new DistillException("cannot read " + dockerfile + ": " + e.getMessage(), e);
    }
    result.notes().forEach(progress::note);
    Report report = Linter.report(toolVersion, result.findings());
    if (!linter.fails(result.findings())) {
      return StepResult.of(
          GateOutcome.passed(
              GATE,
              service,
              name + ": " + result.findings().size() + " finding(s) under the" + " threshold"),
          report);
    }
    List<String> details = new ArrayList<>();
    for (Finding f : result.findings()) {
      details.add(f.location() + " " + f.ruleId() + " " + f.severity() + ": " + f.message());
    }
    return StepResult.of(
        GateOutcome.failed(
            GATE,
            service,
            name
                + ": "
                + result.findings().size()
                + " finding(s) at or above "
                + lintConfig.failureThreshold().name().toLowerCase(java.util.Locale.ROOT),
            details.subList(0, Math.min(details.size(), 12))),
        report);
  }
}
