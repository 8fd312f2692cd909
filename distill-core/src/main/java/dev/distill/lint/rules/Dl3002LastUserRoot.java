package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;

/** DL3002: the last USER of a stage should not be root. */
public final class Dl3002LastUserRoot extends BaseRule {
  public Dl3002LastUserRoot() {
    super("DL3002", Severity.WARNING, "The last USER should not be root.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      Instruction last = null;
      for (Instruction i : s.instructions()) {
        if (i.is("USER")) {
          last = i;
        }
      }
      if (last != null) {
        String user = last.arguments().strip().split(":", 2)[0];
        if (user.equals("root") || user.equals("0")) {
          out.add(last.line(), "the stage ends running as root; switch to an unprivileged USER");
        }
      }
    }
  }
}
