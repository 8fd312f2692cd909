package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;

/** DL3050: with strict labels, labels outside the schema are reported. */
public final class Dl3050SuperfluousLabel extends BaseRule {
  public Dl3050SuperfluousLabel() {
    super("DL3050", Severity.INFO, "Superfluous label present (strict labels).");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    if (!ctx.config().strictLabels()) {
      return;
    }
    for (LabelRules.Label l : LabelRules.labels(ctx)) {
      if (!ctx.config().labelSchema().containsKey(l.key())) {
        out.add(l.line(), "label " + l.key() + " is not in the label schema");
      }
    }
  }
}
