package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;

/** DL4004: only the last ENTRYPOINT of a stage counts. */
public final class Dl4004MultipleEntrypoint extends BaseRule {
  public Dl4004MultipleEntrypoint() {
    super("DL4004", Severity.ERROR, "Multiple ENTRYPOINT instructions found.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      int n = 0;
      for (Instruction i : s.instructions()) {
        if (i.is("ENTRYPOINT") && ++n > 1) {
          out.add(i.line(), "another ENTRYPOINT in this stage; only the last one takes effect");
        }
      }
    }
  }
}
