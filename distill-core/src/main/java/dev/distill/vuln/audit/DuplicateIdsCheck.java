package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Two accounts share a UID in /etc/passwd, or two groups a GID in /etc/group. */
public final class DuplicateIdsCheck implements AuditCheck {
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA009", Severity.MEDIUM, "Duplicate UID or GID", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    List<Finding> out = new ArrayList<>();
    duplicates(t, "/etc/passwd", "UID", out);
    duplicates(t, "/etc/group", "GID", out);
    return out;
  }

  private void duplicates(AuditTarget t, String file, String what, List<Finding> out) {
    String text = t.files().read(file).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    Map<String, List<String>> byId = new TreeMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length < 3 || line.startsWith("#")) {
        continue;
      }
      byId.computeIfAbsent(f[2], k -> new ArrayList<>()).add(f[0]);
    }
    byId.forEach(
        (id, names) -> {
          if (names.size() > 1) {
            out.add(
                finding(
                    t,
                    what + " " + id + " is shared by " + String.join(", ", names) + " in " + file,
                    file + "#" + what + "=" + id));
          }
        });
  }
}
