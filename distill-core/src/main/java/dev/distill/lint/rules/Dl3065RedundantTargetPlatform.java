package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;

/** DL3065: FROM --platform=$TARGETPLATFORM is the default and says nothing. */
public final class Dl3065RedundantTargetPlatform extends BaseRule {
  public Dl3065RedundantTargetPlatform() {
    super("DL3065", Severity.INFO, "FROM --platform=$TARGETPLATFORM is redundant.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction i : ctx.instructions()) {
      String p = i.is("FROM") ? i.flag("platform").orElse("").replace("\"", "") : "";
      if (p.equals("$TARGETPLATFORM") || p.equals("${TARGETPLATFORM}")) {
        out.add(i.line(), "--platform=$TARGETPLATFORM is what FROM does anyway; drop it");
      }
    }
  }
}
