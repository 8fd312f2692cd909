package dev.distill.vuln;

import dev.distill.findings.Severity;
import java.util.List;

/**
 * The gate's verdict: the vulnerabilities still reported after suppressions (and, with {@code
 * --ignore-unfixed}, without unfixed ones), those that break the policy, and those suppressed with
 * the suppression that matched.
 */
public record PolicyResult(
    boolean passed,
    Severity failOn,
    List<Vulnerability> reported,
    List<Vulnerability> violations,
    List<Suppressed> suppressed) {

  public PolicyResult {
    reported = List.copyOf(reported);
    violations = List.copyOf(violations);
    suppressed = List.copyOf(suppressed);
  }

  /** A vulnerability and the ignore-file entry or VEX statement that set it aside. */
  public record Suppressed(Vulnerability vulnerability, Suppression by) {}
}
