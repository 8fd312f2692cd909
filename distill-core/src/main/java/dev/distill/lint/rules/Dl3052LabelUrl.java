package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;

/** DL3052: A label is not a valid URL. */
public final class Dl3052LabelUrl extends BaseRule {
  public Dl3052LabelUrl() {
    super("DL3052", Severity.WARNING, "A label is not a valid URL.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    if (ctx.config().labelSchema().isEmpty()) {
      return;
    }
    for (LabelRules.Label l : LabelRules.labels(ctx)) {
      if ("url".equals(LabelRules.type(ctx, l.key()))
          && !l.value().contains("$")
          && !valid(l.value())) {
        out.add(l.line(), "label " + l.key() + " = '" + l.value() + "' is not a URL");
      }
    }
  }

  static boolean valid(String v) {
    return Regex.matches("^[A-Za-z][A-Za-z0-9+.-]*://[^\\s]+$", v);
  }
}
