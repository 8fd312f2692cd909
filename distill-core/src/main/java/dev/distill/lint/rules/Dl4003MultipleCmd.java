package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;

/** DL4003: only the last CMD of a stage counts. */
public final class Dl4003MultipleCmd extends BaseRule {
  public Dl4003MultipleCmd() {
    super("DL4003", Severity.WARNING, "Multiple CMD instructions found.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      int n = 0;
      for (Instruction i : s.instructions()) {
        if (i.is("CMD") && ++n > 1) {
          out.add(i.line(), "another CMD in this stage; only the last one takes effect");
        }
      }
    }
  }
}
