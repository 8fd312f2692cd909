package dev.distill.lint;

import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;

/** One lint rule (one DL code): its catalogue entry and its check. */
public interface LintRule {

  String id();

  /** hadolint's default severity (error, warning, info or style). */
  Severity severity();

  String description();

  /** False for rules hadolint ships with severity "ignore" (off until configured). */
  default boolean enabledByDefault() {
    return true;
  }

  /** Reports violations through {@code out}. */
  void check(LintContext ctx, Violations out);

  default RuleDescriptor descriptor() {
    return new RuleDescriptor(
        id(), severity(), description(), "https://github.com/hadolint/hadolint/wiki/" + id());
  }

  /** Collects violations (line and message) for one rule. */
  interface Violations {
    void add(int line, String message);
  }
}
