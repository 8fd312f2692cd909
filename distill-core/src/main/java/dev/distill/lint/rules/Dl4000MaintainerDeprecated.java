package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;

/** DL4000: MAINTAINER is deprecated; use a label. */
public final class Dl4000MaintainerDeprecated extends BaseRule {
  public Dl4000MaintainerDeprecated() {
    super("DL4000", Severity.ERROR, "MAINTAINER is deprecated; use LABEL maintainer=….");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction i : ctx.instructions()) {
      if (i.is("MAINTAINER")) {
        out.add(i.line(), "MAINTAINER is deprecated; write LABEL maintainer=\"…\"");
      }
    }
  }
}
