package dev.distill.secrets;

import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
    // Sorted already, as Finding keeps them: its copy is then a linear build, not a sort.
    Map<String, String> props = new TreeMap<>();
    if (commit != null) {
      props.put("commit", commit.sha());
      props.put("author", commit.author());
      props.put("email", commit.email());
      props.put("date", commit.date());
    }
    props.put("secret", redact ? REDACTED : secret);
    props.put("match", redact && !secret.isEmpty() ? match.replace(secret, REDACTED) : match);
    props.put("entropy", fourDecimals(entropy));
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

  /**
   * {@code String.format(Locale.ROOT, "%.4f", value)} without a Formatter, which costs more than
   * the rest of a finding's conversion: the Formatter, too, rounds the shortest decimal that reads
   * back as {@code value} (the digits of {@link Double#toString}) half up. Below 1,000 (entropies
   * are 0 to 8) and away from a half at the fifth decimal, rounding {@code value * 10000} itself
   * agrees with that (the two differ by far less than the margin) and spares {@code
   * Double.toString} and {@code BigDecimal}, slow while still cold (a CSV report of 6,411 findings:
   * ~85 -> ~60 ms). Elsewhere the decimal itself is rounded.
   */
  static String fourDecimals(double value) {
    if (!Double.isFinite(value) || Double.compare(value, 0.0) < 0) {
      return String.format(Locale.ROOT, "%.4f", value); // a sign, NaN or Infinity: never here
    }
    double scaled = value * 10_000;
    double whole = Math.floor(scaled);
    double rest = scaled - whole;
    if (value >= 1_000 || Math.abs(rest - 0.5) < 1e-6) {
      return new BigDecimal(Double.toString(value))
          .setScale(4, RoundingMode.HALF_UP)
          .toPlainString();
    }
    long tenThousandths = (long) whole + (rest > 0.5 ? 1 : 0);
    long fraction = tenThousandths % 10_000;
    StringBuilder b = new StringBuilder(16).append(tenThousandths / 10_000).append('.');
    for (long digit = 1_000; digit > fraction && digit > 1; digit /= 10) {
      b.append('0');
    }
    return b.append(fraction).toString();
  }
}
