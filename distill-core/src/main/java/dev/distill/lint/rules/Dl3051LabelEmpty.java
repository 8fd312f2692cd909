package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;

/** DL3051: a label the schema lists must not be empty. */
public final class Dl3051LabelEmpty extends BaseRule {
  public Dl3051LabelEmpty() {
    super("DL3051", Severity.WARNING, "A label of the schema is empty.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    if (ctx.config().labelSchema().isEmpty()) {
      return;
    }
    for (LabelRules.Label l : LabelRules.labels(ctx)) {
      if (ctx.config().labelSchema().containsKey(l.key()) && l.value().isBlank()) {
        out.add(l.line(), "label " + l.key() + " is empty");
      }
    }
  }
}
