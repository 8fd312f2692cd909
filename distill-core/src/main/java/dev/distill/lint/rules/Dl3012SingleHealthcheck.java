package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;

/** DL3012: only one HEALTHCHECK per stage counts. */
public final class Dl3012SingleHealthcheck extends BaseRule {
  public Dl3012SingleHealthcheck() {
    super("DL3012", Severity.ERROR, "A stage should have at most one HEALTHCHECK.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      int seen = 0;
      for (Instruction i : s.instructions()) {
        if (i.is("HEALTHCHECK") && ++seen > 1) {
          out.add(i.line(), "another HEALTHCHECK in this stage; only the last one takes effect");
        }
      }
    }
  }
}
