package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;

/** DL4005: change the default shell with SHELL, not by relinking /bin/sh. */
public final class Dl4005UseShellInstruction extends RunRule {
  public Dl4005UseShellInstruction() {
    super("DL4005", Severity.WARNING, "Use SHELL to change the default shell.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("ln")) {
      if (!c.args().isEmpty() && c.args().get(c.args().size() - 1).equals("/bin/sh")) {
        return "ln over /bin/sh; use the SHELL instruction to change the shell";
      }
    }
    return null;
  }
}
