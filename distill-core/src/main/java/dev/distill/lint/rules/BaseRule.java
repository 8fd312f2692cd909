package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintRule;

/** Holds a rule's id, default severity and description. */
abstract class BaseRule implements LintRule {
  private final String id;
  private final Severity severity;
  private final String description;

  BaseRule(String id, Severity severity, String description) {
    this.id = id;
    this.severity = severity;
    this.description = description;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String description() {
    return description;
  }
}
