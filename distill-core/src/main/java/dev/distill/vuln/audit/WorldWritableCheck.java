package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import dev.distill.pkgdb.FileEntry;
import java.util.ArrayList;
import java.util.List;

/** World-writable files or directories outside the temporary directories. */
public final class WorldWritableCheck implements AuditCheck {
  private static final List<String> ALLOWED = List.of("/tmp", "/var/tmp", "/dev/shm");
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA005", Severity.MEDIUM, "World-writable file outside /tmp", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    List<Finding> out = new ArrayList<>();
    for (FileEntry e : t.files().entries()) {
      if (!e.isWorldWritable() || allowed(e.path())) {
        continue;
      }
      out.add(
          finding(
              t,
              e.path() + " is world-writable (mode " + Integer.toOctalString(e.mode()) + ")",
              e.path()));
    }
    return out;
  }

  private static boolean allowed(String path) {
    for (String a : ALLOWED) {
      if (path.equals(a) || path.startsWith(a + "/")) {
        return true;
      }
    }
    return false;
  }
}
