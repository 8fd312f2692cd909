package dev.distill.findings;

import java.util.Locale;

/** How serious a finding is, shared by every scanner; ordered from least to most severe. */
public enum Severity {
  UNKNOWN,
  INFO,
  STYLE,
  LOW,
  WARNING,
  MEDIUM,
  ERROR,
  HIGH,
  CRITICAL;

  /** Parses a severity name case-insensitively. */
  public static Severity parse(String s) {
    return valueOf(s.strip().toUpperCase(Locale.ROOT));
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
