package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;

/** DL3061: a Dockerfile starts with FROM, ARG or a comment. */
public final class Dl3061InstructionOrder extends BaseRule {
  public Dl3061InstructionOrder() {
    super(
        "DL3061",
        Severity.ERROR,
        "Invalid instruction order: a Dockerfile must begin with FROM, ARG or a comment.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction i : ctx.instructions()) {
      if (i.is("FROM")) {
        return;
      }
      if (!i.is("ARG")) {
        out.add(i.line(), i.keyword() + " before the first FROM");
        return;
      }
    }
  }
}
