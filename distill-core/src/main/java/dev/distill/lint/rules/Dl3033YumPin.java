package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;

/** DL3033: pin versions in yum install. */
public final class Dl3033YumPin extends RunRule {
  public Dl3033YumPin() {
    super("DL3033", Severity.WARNING, "Pin versions in yum install (package-version).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("yum")) {
      String bad = RpmPins.unpinned(ctx, run, c, Commands.YUM_OPTIONS_WITH_VALUE);
      if (bad != null) {
        return "yum install " + bad + " without a version; use " + bad + "-<version>";
      }
    }
    return null;
  }
}
