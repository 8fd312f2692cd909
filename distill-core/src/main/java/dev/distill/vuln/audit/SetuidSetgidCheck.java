package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import dev.distill.pkgdb.FileEntry;
import java.util.ArrayList;
import java.util.List;

/** Files with the setuid or setgid bit, a privilege-escalation path. */
public final class SetuidSetgidCheck implements AuditCheck {
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA004", Severity.MEDIUM, "Setuid or setgid file", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    List<Finding> out = new ArrayList<>();
    for (FileEntry e : t.files().entries()) {
      if (e.isSetuid() || e.isSetgid()) {
        String bits =
            (e.isSetuid() ? "setuid" : "")
                + (e.isSetuid() && e.isSetgid() ? "+" : "")
                + (e.isSetgid() ? "setgid" : "");
        out.add(
            finding(
                t,
                e.path() + " is " + bits + " (mode " + Integer.toOctalString(e.mode()) + ")",
                e.path()));
      }
    }
    return out;
  }
}
