package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;

/** A rule that looks at each RUN (and ONBUILD RUN) on its own; one finding per instruction. */
abstract class RunRule extends BaseRule {
  RunRule(String id, Severity severity, String description) {
    super(id, severity, description);
  }

  /** The message if this RUN breaks the rule, or null. */
  abstract String violation(LintContext ctx, RunInstruction run);

  @Override
  public final void check(LintContext ctx, Violations out) {
    for (RunInstruction run : ctx.runs()) {
      String message = violation(ctx, run);
      if (message != null) {
        out.add(run.line(), message);
      }
    }
  }
}
