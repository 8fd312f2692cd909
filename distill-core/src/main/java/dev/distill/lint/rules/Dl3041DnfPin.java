package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;

/** DL3041: pin versions in dnf install. */
public final class Dl3041DnfPin extends RunRule {
  public Dl3041DnfPin() {
    super("DL3041", Severity.WARNING, "Pin versions in dnf install (package-version).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().commands()) {
      if (!Dl3038DnfYes.isDnf(c)) {
        continue;
      }
      String bad = RpmPins.unpinned(ctx, run, c, Commands.YUM_OPTIONS_WITH_VALUE);
      if (bad != null) {
        return c.baseName() + " install " + bad + " without a version; use " + bad + "-<version>";
      }
    }
    return null;
  }
}
