package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;

/** DL3056: A label does not follow semantic versioning. */
public final class Dl3056LabelSemver extends BaseRule {
  public Dl3056LabelSemver() {
    super("DL3056", Severity.WARNING, "A label does not follow semantic versioning.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    if (ctx.config().labelSchema().isEmpty()) {
      return;
    }
    for (LabelRules.Label l : LabelRules.labels(ctx)) {
      if ("semver".equals(LabelRules.type(ctx, l.key()))
          && !l.value().contains("$")
          && !valid(l.value())) {
        out.add(l.line(), "label " + l.key() + " = '" + l.value() + "' is not a semantic version");
      }
    }
  }

  static boolean valid(String v) {
    return v.matches(
        "^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");
  }
}
