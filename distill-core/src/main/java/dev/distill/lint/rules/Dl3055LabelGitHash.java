package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;

/** DL3055: A label is not a git hash. */
public final class Dl3055LabelGitHash extends BaseRule {
  public Dl3055LabelGitHash() {
    super("DL3055", Severity.WARNING, "A label is not a git hash.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    if (ctx.config().labelSchema().isEmpty()) {
      return;
    }
    for (LabelRules.Label l : LabelRules.labels(ctx)) {
      if ("hash".equals(LabelRules.type(ctx, l.key()))
          && !l.value().contains("$")
          && !valid(l.value())) {
        out.add(l.line(), "label " + l.key() + " = '" + l.value() + "' is not a git hash");
      }
    }
  }

  static boolean valid(String v) {
    return Regex.matches("^[0-9a-fA-F]{7,40}$", v);
  }
}
