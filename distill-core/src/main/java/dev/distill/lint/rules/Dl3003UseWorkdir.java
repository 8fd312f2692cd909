package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;

/** DL3003: use WORKDIR instead of cd. */
public final class Dl3003UseWorkdir extends RunRule {
  public Dl3003UseWorkdir() {
    super("DL3003", Severity.WARNING, "Use WORKDIR to change directory instead of cd.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    return run.script().uses("cd") ? "cd in RUN; set the directory with WORKDIR" : null;
  }
}
