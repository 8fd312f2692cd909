package dev.distill.lint;

import dev.distill.findings.Finding;
import java.util.List;

/** Findings of one lint run, plus notes for the user (e.g. that ShellCheck is not installed). */
public record LintResult(List<Finding> findings, List<String> notes) {
  public LintResult {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }
}
