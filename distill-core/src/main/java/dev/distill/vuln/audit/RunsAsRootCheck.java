package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.util.List;

/** The image's default user is root (no USER, {@code root}, or uid 0). */
public final class RunsAsRootCheck implements AuditCheck {
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA001", Severity.MEDIUM, "Image runs as root; set a non-root USER", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    if (!t.configKnown()) {
      return List.of();
    }
    String user = t.config().user().strip();
    String name = user.split(":", 2)[0];
    if (name.isEmpty() || name.equals("root") || name.equals("0")) {
      return List.of(finding(t, "The image runs as root (USER is '" + user + "')", "config/User"));
    }
    return List.of();
  }
}
