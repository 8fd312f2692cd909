package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;

/** DL3043: ONBUILD cannot trigger FROM, MAINTAINER or another ONBUILD. */
public final class Dl3043OnbuildTrigger extends BaseRule {
  public Dl3043OnbuildTrigger() {
    super("DL3043", Severity.ERROR, "ONBUILD must not trigger ONBUILD, FROM or MAINTAINER.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction i : ctx.instructions()) {
      if (i.trigger() != null
          && (i.trigger().is("FROM")
              || i.trigger().is("MAINTAINER")
              || i.trigger().is("ONBUILD"))) {
        out.add(i.line(), "ONBUILD " + i.trigger().keyword() + " is not allowed");
      }
    }
  }
}
