package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.util.List;

/** No HEALTHCHECK in the config (information only: orchestrators often probe instead). */
public final class NoHealthcheckCheck implements AuditCheck {
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA008", Severity.INFO, "No HEALTHCHECK instruction", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    if (!t.configKnown()) {
      return List.of();
    }
    boolean has =
        t.config().healthcheck().map(h -> !h.isEmpty() && !h.get(0).equals("NONE")).orElse(false);
    return has
        ? List.of()
        : List.of(finding(t, "The image has no HEALTHCHECK", "config/Healthcheck"));
  }
}
