package dev.distill.vuln;

import dev.distill.findings.Severity;

/**
 * One CVSS metric from NVD: version (3.1, 3.0, 4.0, 2.0), vector, base score and the severity NVD
 * gives with it; {@code source} is who scored it, {@code primary} whether NVD marks it Primary.
 */
public record Cvss(
    String version,
    String vector,
    double baseScore,
    Severity severity,
    String source,
    boolean primary) {

  /** Severity from a base score when a record has no severity name (CVSS v3 bands). */
  public static Severity fromScore(double score) {
    if (score >= 9.0) {
      return Severity.CRITICAL;
    }
    if (score >= 7.0) {
      return Severity.HIGH;
    }
    if (score >= 4.0) {
      return Severity.MEDIUM;
    }
    if (score > 0) {
      return Severity.LOW;
    }
    return Severity.UNKNOWN;
  }
}
