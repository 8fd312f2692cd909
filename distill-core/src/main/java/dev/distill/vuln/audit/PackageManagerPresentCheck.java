package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.util.List;

/** A package manager is present, so the running image can be changed. */
public final class PackageManagerPresentCheck implements AuditCheck {
  private static final List<String> TOOLS =
      List.of(
          "/usr/bin/apt",
          "/usr/bin/apt-get",
          "/usr/bin/dpkg",
          "/sbin/apk",
          "/usr/bin/yum",
          "/usr/bin/dnf",
          "/usr/bin/microdnf",
          "/usr/bin/rpm",
          "/bin/rpm");
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA003", Severity.LOW, "A package manager is present in the image", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    return present(t, TOOLS, "Package manager");
  }
}
