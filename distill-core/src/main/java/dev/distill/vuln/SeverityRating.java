package dev.distill.vuln;

import dev.distill.findings.Severity;
import java.util.List;
import java.util.Locale;

/**
 * A severity and where it came from: {@code debian-urgency(low)}, {@code
 * nvd:cvssMetricV31:<source>} or {@code none}.
 */
public record SeverityRating(Severity severity, String source) {

  /**
   * Debian urgency when it is low, medium or high (unimportant counts as LOW; a trailing {@code **}
   * marks an urgency guessed from NVD and is stripped), else the first NVD metric in the order
   * v3.1, v3.0, v4.0, v2, else UNKNOWN.
   */
  public static SeverityRating of(String urgency, List<Cvss> nvd) {
    String u = normalizeUrgency(urgency);
    switch (u) {
      case "unimportant", "low":
        return new SeverityRating(Severity.LOW, "debian-urgency(" + u + ")");
      case "medium":
        return new SeverityRating(Severity.MEDIUM, "debian-urgency(" + u + ")");
      case "high":
        return new SeverityRating(Severity.HIGH, "debian-urgency(" + u + ")");
      default:
        break;
    }
    for (Cvss c : nvd) {
      if (c.severity() != Severity.UNKNOWN) {
        return new SeverityRating(c.severity(), "nvd:cvss" + c.version() + ":" + c.source());
      }
    }
    return new SeverityRating(Severity.UNKNOWN, "none");
  }

  /** Lower case, without the {@code **} suffix and surrounding blanks. */
  public static String normalizeUrgency(String urgency) {
    if (urgency == null) {
      return "";
    }
    String u = urgency.strip().toLowerCase(Locale.ROOT);
    while (u.endsWith("*")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.strip();
  }
}
