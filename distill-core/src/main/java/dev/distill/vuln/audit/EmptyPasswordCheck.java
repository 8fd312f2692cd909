package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An account with an empty password field: in /etc/shadow, or in /etc/passwd when the password is
 * kept there (an empty field lets anyone log in; {@code x}, {@code *} and {@code !} do not).
 */
public final class EmptyPasswordCheck implements AuditCheck {
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA010", Severity.HIGH, "Account with an empty password", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    List<Finding> out = new ArrayList<>();
    for (String file : List.of("/etc/shadow", "/etc/passwd")) {
      Optional<byte[]> b = t.files().read(file);
      if (b.isEmpty()) {
        continue;
      }
      for (String line : new String(b.get(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split(":", -1);
        if (f.length >= 2 && !f[0].isEmpty() && f[1].isEmpty()) {
          out.add(
              finding(
                  t, "Account " + f[0] + " has an empty password in " + file, file + "#" + f[0]));
        }
      }
    }
    return out;
  }
}
