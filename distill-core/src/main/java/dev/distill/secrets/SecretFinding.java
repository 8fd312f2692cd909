package dev.distill.secrets;

import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A secret found by one rule, with everything gitleaks reports. {@link #fingerprint()} is in
 * gitleaks' format: {@code file:rule:line}, or {@code commit:file:rule:line} in git history.
 */
public record SecretFinding(
    String ruleId,
    String description,
    String path,
    int startLine,
    int endLine,
    int startColumn,
    int endColumn,
    String match,
    String secret,
    String line,
    double entropy,
    List<String> tags,
    CommitInfo commit) {

  public static final String TOOL = "secrets";
  static final String REDACTED = "REDACTED";

  public SecretFinding {
    tags = List.copyOf(tags);
  }

  public String fingerprint() {
    String base = path + ":" + ruleId + ":" + startLine;
    return commit == null ? base : commit.sha() + ":" + base;
  }

  /**
   * The shared finding; the secret is replaced by {@code REDACTED} unless {@code redact} is off.
   */
  public Finding toFinding(boolean redact) {
    Map<String, String> props = new LinkedHashMap<>();
    if (commit != null) {
      props.put("commit", commit.sha());
      props.put("author", commit.author());
      props.put("email", commit.email());
      props.put("date", commit.date());
    }
    props.put("secret", redact ? REDACTED : secret);
    props.put("match", redact && !secret.isEmpty() ? match.replace(secret, REDACTED) : match);
    props.put("entropy", String.format(Locale.ROOT, "%.4f", entropy));
    props.put("tags", String.join(",", tags));
    props.put("endLine", Integer.toString(endLine));
    props.put("endColumn", Integer.toString(endColumn));
    String message = description.isEmpty() ? "secret matched rule " + ruleId : description;
    return new Finding(
        TOOL,
        ruleId,
        Severity.HIGH,
        message,
        new Location(path, startLine, startColumn),
        fingerprint(),
        props);
  }
}
