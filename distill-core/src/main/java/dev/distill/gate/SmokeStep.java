package dev.distill.gate;

import dev.distill.DistillException;
import dev.distill.assure.SmokeChecks;
import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import dev.distill.image.ImageWriter;
import dev.distill.report.Report;
import dev.distill.spec.ImageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the built image into the local engine and runs the spec's {@code checks} against it in a
 * hardened container (read-only, no capabilities, loopback only). A failed check is a finding of
 * the {@code distill-smoke} tool located at the spec, so it reaches SARIF like any other.
 */
final class SmokeStep {
  static final String GATE = "smoke";
  static final String TOOL = "distill-smoke";

  private final ImageWriter writer;
  private final Optional<SmokeChecks> checks;
  private final String toolVersion;

  /** {@code checks} is empty when no engine is to be used. */
  SmokeStep(ImageWriter writer, Optional<SmokeChecks> checks, String toolVersion) {
    this.writer = writer;
    this.checks = checks;
    this.toolVersion = toolVersion;
  }

  StepResult run(GateConfig config, ImageSpec spec, BuildStep.Built built, String specPath) {
    if (!config.smoke() || checks.isEmpty()) {
      return StepResult.of(GateOutcome.skipped(GATE, spec.name(), "turned off"));
    }
    if (spec.checks().isEmpty()) {
      return StepResult.of(GateOutcome.skipped(GATE, spec.name(), "the spec has no checks"));
    }
    List<SmokeChecks.Result> results;
    try {
      writer.load(built.result().images(), built.tag());
      results = checks.get().run(built.tag(), spec.checks());
    } catch (DistillException e) {
      return StepResult.of(
          GateOutcome.failed(
              GATE,
              spec.name(),
              "cannot run the image in the local engine",
              List.of(
                  e.getMessage(),
                  "where no container engine is available, turn this gate off: --no-smoke"
                      + " (or smoke: false in distill.yaml)")));
    }
    List<Finding> findings = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (SmokeChecks.Result r : results) {
      if (!r.passed()) {
        String what = r.check().type() + " check failed: " + r.detail();
        details.add(what);
        findings.add(
            new Finding(
                TOOL,
                "smoke-" + r.check().type(),
                Severity.HIGH,
                spec.name() + ": " + what,
                Location.of(specPath),
                spec.name() + ":" + r.check().type(),
                Map.of()));
      }
    }
    List<RuleDescriptor> rules = new ArrayList<>();
    for (String type : List.of("http", "tcp", "redis", "no-shell")) {
      rules.add(
          new RuleDescriptor(
              "smoke-" + type,
              Severity.HIGH,
              "The image fails its " + type + " smoke check in a hardened container",
              ""));
    }
    Report report = new Report(TOOL, toolVersion, rules, findings);
    if (details.isEmpty()) {
      return StepResult.of(
          GateOutcome.passed(
              GATE, spec.name(), results.size() + " check(s) passed in a hardened container"),
          report);
    }
    return StepResult.of(
        GateOutcome.failed(
            GATE,
            spec.name(),
            details.size() + " of " + results.size() + " check(s) failed",
            details),
        report);
  }
}
