package dev.distill.gate;

import dev.distill.assure.ScanTarget;
import dev.distill.findings.Finding;
import dev.distill.report.Report;
import dev.distill.vuln.audit.ImageAudit;
import java.util.List;

/**
 * The image audit (root user, shell, package manager, setuid files, world-writable files, secrets
 * in the config, empty passwords…) on the image as written; fails on a finding at or above the
 * configured severity (LOW by default, so only informational notes such as a missing HEALTHCHECK
 * pass).
 */
final class AuditStep {
  static final String GATE = "audit";

  private final String toolVersion;

  AuditStep(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  /** Findings are located at {@code specPath}, the file the image is built from. */
  StepResult run(GateConfig config, String service, ScanTarget target, String specPath) {
    if (!config.audit().enabled()) {
      return StepResult.of(GateOutcome.skipped(GATE, service, "turned off"));
    }
    Report report =
        RepositoryPaths.relocate(ImageAudit.report(target.audit(), toolVersion), specPath);
    List<Finding> failing =
        report.findings().stream()
            .filter(f -> f.severity().atLeast(config.audit().failOn()))
            .toList();
    if (failing.isEmpty()) {
      return StepResult.of(
          GateOutcome.passed(
              GATE,
              service,
              report.findings().size()
                  + " finding(s), none at "
                  + config.audit().failOn()
                  + " or above"),
          report);
    }
    return StepResult.of(
        GateOutcome.failed(
            GATE,
            service,
            failing.size() + " finding(s) at " + config.audit().failOn() + " or above",
            failing.stream()
                .limit(12)
                .map(f -> f.ruleId() + " " + f.severity() + ": " + f.message())
                .toList()),
        report);
  }
}
