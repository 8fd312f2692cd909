package dev.distill.findings;

import java.util.Map;

/**
 * One result from any scanner: the tool that found it, the rule, how severe, a message, where, and
 * tool-specific properties (commit, package, fixed version…). {@code fingerprint} is stable across
 * runs so reports and ignore files can refer to the finding.
 */
public record Finding(
    String tool,
    String ruleId,
    Severity severity,
    String message,
    Location location,
    String fingerprint,
    Map<String, String> properties) {

  public Finding {
    // Sorted, so every writer prints properties in the same order on every run.
    properties = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(properties));
  }
}
