package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;

/** DL3054: A label is not a valid SPDX license identifier. */
public final class Dl3054LabelSpdx extends BaseRule {
  public Dl3054LabelSpdx() {
    super("DL3054", Severity.WARNING, "A label is not a valid SPDX license identifier.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    if (ctx.config().labelSchema().isEmpty()) {
      return;
    }
    for (LabelRules.Label l : LabelRules.labels(ctx)) {
      if ("spdx".equals(LabelRules.type(ctx, l.key()))
          && !l.value().contains("$")
          && !valid(l.value())) {
        out.add(
            l.line(),
            "label " + l.key() + " = '" + l.value() + "' is not an SPDX license identifier");
      }
    }
  }

  static boolean valid(String v) {
    return SpdxIds.valid(v);
  }
}
