package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;

/** DL3029: a fixed --platform on FROM breaks multi-platform builds. */
public final class Dl3029NoPlatformFlag extends BaseRule {
  public Dl3029NoPlatformFlag() {
    super("DL3029", Severity.WARNING, "Do not use a fixed --platform with FROM.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction i : ctx.instructions()) {
      if (i.is("FROM") && i.flag("platform").map(p -> !p.contains("$")).orElse(false)) {
        out.add(
            i.line(),
            "FROM --platform="
                + i.flag("platform").get()
                + " pins one platform; use a build argument");
      }
    }
  }
}
