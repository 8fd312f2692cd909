package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;

/** DL3059: consecutive single-command RUNs with the same mounts can be one layer. */
public final class Dl3059ConsecutiveRuns extends BaseRule {
  public Dl3059ConsecutiveRuns() {
    super(
        "DL3059",
        Severity.INFO,
        "Multiple consecutive RUN instructions; consider consolidating them.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    RunInstruction previous = null;
    int runIndex = 0;
    for (Instruction top : ctx.instructions()) {
      if (!top.is("RUN")) {
        previous = null;
        continue;
      }
      RunInstruction run = null;
      while (runIndex < ctx.runs().size() && run == null) {
        RunInstruction r = ctx.runs().get(runIndex++);
        if (r.instruction() == top) {
          run = r;
        }
      }
      if (run == null) {
        previous = null;
        continue;
      }
      if (previous != null
          && previous.run().flagValues("mount").equals(run.run().flagValues("mount"))
          && previous.script().commands().size() <= 1
          && run.script().commands().size() <= 1) {
        out.add(top.line(), "RUN follows another RUN; join them with && to save a layer");
      }
      previous = run;
    }
  }
}
