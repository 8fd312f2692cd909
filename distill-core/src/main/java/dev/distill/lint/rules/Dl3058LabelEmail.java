package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;

/** DL3058: A label is not a valid e-mail address. */
public final class Dl3058LabelEmail extends BaseRule {
  public Dl3058LabelEmail() {
    super("DL3058", Severity.WARNING, "A label is not a valid e-mail address.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    if (ctx.config().labelSchema().isEmpty()) {
      return;
    }
    for (LabelRules.Label l : LabelRules.labels(ctx)) {
      if ("email".equals(LabelRules.type(ctx, l.key()))
          && !l.value().contains("$")
          && !valid(l.value())) {
        out.add(l.line(), "label " + l.key() + " = '" + l.value() + "' is not an e-mail address");
      }
    }
  }

  static boolean valid(String v) {
    return v.matches(
        "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$");
  }
}
