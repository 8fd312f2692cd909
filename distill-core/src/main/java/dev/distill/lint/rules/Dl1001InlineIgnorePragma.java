package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Comment;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;

/**
 * DL1001: inline {@code # hadolint ignore=} pragmas hide problems; hadolint keeps it off by
 * default.
 */
public final class Dl1001InlineIgnorePragma extends BaseRule {
  public Dl1001InlineIgnorePragma() {
    super(
        "DL1001", Severity.INFO, "Avoid inline ignore pragmas such as `# hadolint ignore=DLxxxx`.");
  }

  @Override
  public boolean enabledByDefault() {
    return false;
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Comment c : ctx.dockerfile().comments()) {
      if (Regex.matches("^#\\s*hadolint\\s+ignore\\s*=.*", c.text())) {
        out.add(c.line(), "inline ignore pragma: fix the finding instead of silencing it");
      }
    }
  }
}
