package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in the image config: ENV variables and labels whose names look like secrets and have a
 * value, and such assignments in history ({@code ENV}/{@code ARG}/{@code RUN} lines). Values are
 * never repeated in the message.
 */
public final class SecretsInConfigCheck implements AuditCheck {
  static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(passw(or)?d|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key"
              + "|credential|auth[_-]?key).*");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\\S+)");
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA006", Severity.HIGH, "Possible secret in ENV, labels or history", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    List<Finding> out = new ArrayList<>();
    for (String kv : t.config().env()) {
      int eq = kv.indexOf('=');
      String name = eq < 0 ? kv : kv.substring(0, eq);
      String value = eq < 0 ? "" : kv.substring(eq + 1);
      if (!value.isEmpty() && SECRET_NAME.matcher(name).matches()) {
        out.add(finding(t, "ENV " + name + " looks like a secret", "config/Env/" + name));
      }
    }
    for (Map.Entry<String, String> l : t.config().labels().entrySet()) {
      if (!l.getValue().isEmpty() && SECRET_NAME.matcher(l.getKey()).matches()) {
        out.add(
            finding(
                t, "Label " + l.getKey() + " looks like a secret", "config/Labels/" + l.getKey()));
      }
    }
    int i = 0;
    for (ImageConfig.HistoryEntry h : t.config().history()) {
      Matcher m = ASSIGNMENT.matcher(h.createdBy());
      while (m.find()) {
        if (SECRET_NAME.matcher(m.group(1)).matches()) {
          out.add(
              finding(
                  t,
                  "History entry " + i + " sets " + m.group(1) + ", which looks like a secret",
                  "config/history/" + i));
        }
      }
      i++;
    }
    return out;
  }
}
