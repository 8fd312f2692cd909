package dev.distill.report;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import java.util.List;

/**
 * What one tool run found, ready for any writer: the tool's name and version, its rule catalogue
 * (for SARIF's {@code tool.driver.rules}), and the findings.
 */
public record Report(
    String tool, String toolVersion, List<RuleDescriptor> rules, List<Finding> findings) {
  public Report {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
  }
}
