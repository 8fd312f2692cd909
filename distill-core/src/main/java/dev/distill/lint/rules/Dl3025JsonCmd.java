package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;

/** DL3025: CMD and ENTRYPOINT in JSON (exec) form get signals and no extra shell. */
public final class Dl3025JsonCmd extends BaseRule {
  public Dl3025JsonCmd() {
    super("DL3025", Severity.WARNING, "Use JSON notation for CMD and ENTRYPOINT arguments.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if ((i.is("CMD") || i.is("ENTRYPOINT")) && !i.isJsonForm()) {
        out.add(top.line(), i.keyword() + " in shell form; write it as a JSON array");
      }
    }
  }
}
