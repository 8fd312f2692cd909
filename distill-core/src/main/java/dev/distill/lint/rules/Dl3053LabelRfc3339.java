package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;

/** DL3053: A label is not an RFC 3339 time. */
public final class Dl3053LabelRfc3339 extends BaseRule {
  public Dl3053LabelRfc3339() {
    super("DL3053", Severity.WARNING, "A label is not an RFC 3339 time.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    if (ctx.config().labelSchema().isEmpty()) {
      return;
    }
    for (LabelRules.Label l : LabelRules.labels(ctx)) {
      if ("rfc3339".equals(LabelRules.type(ctx, l.key()))
          && !l.value().contains("$")
          && !valid(l.value())) {
        out.add(l.line(), "label " + l.key() + " = '" + l.value() + "' is not an RFC 3339 time");
      }
    }
  }

  static boolean valid(String v) {
    return v.matches(
        "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$");
  }
}
