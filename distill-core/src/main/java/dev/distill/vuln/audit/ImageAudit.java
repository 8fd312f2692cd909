package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.report.Report;
import java.util.ArrayList;
import java.util.List;

/** Runs every audit checkpoint on a target. */
public final class ImageAudit {
  /** All checks, in report order. */
  public static final List<AuditCheck> CHECKS =
      List.of(
          new RunsAsRootCheck(),
          new ShellPresentCheck(),
          new PackageManagerPresentCheck(),
          new SetuidSetgidCheck(),
          new WorldWritableCheck(),
          new SecretsInConfigCheck(),
          new LatestTagCheck(),
          new NoHealthcheckCheck(),
          new DuplicateIdsCheck(),
          new EmptyPasswordCheck());

  private ImageAudit() {}

  public static List<Finding> run(AuditTarget target) {
    List<Finding> out = new ArrayList<>();
    for (AuditCheck c : CHECKS) {
      out.addAll(c.check(target));
    }
    return out;
  }

  public static List<RuleDescriptor> rules() {
    return CHECKS.stream().map(AuditCheck::rule).toList();
  }

  public static Report report(AuditTarget target, String toolVersion) {
    return new Report(AuditCheck.TOOL, toolVersion, rules(), run(target));
  }
}
