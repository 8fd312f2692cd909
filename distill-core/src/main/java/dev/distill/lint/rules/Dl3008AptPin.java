package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;

/** DL3008: pin package versions in apt-get install. */
public final class Dl3008AptPin extends RunRule {
  public Dl3008AptPin() {
    super("DL3008", Severity.WARNING, "Pin versions in apt-get install (package=version).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("apt-get")) {
      if (!c.hasSubcommand(Commands.APT_OPTIONS_WITH_VALUE, "install")) {
        continue;
      }
      for (String p : Commands.afterSubcommand(c, Commands.APT_OPTIONS_WITH_VALUE)) {
        if (!p.contains("=")
            && !p.endsWith(".deb")
            && !p.startsWith("/")
            && !p.startsWith("./")
            && !p.startsWith("$")) {
          return "apt-get install " + p + " without a version; use " + p + "=<version>";
        }
      }
    }
    return null;
  }
}
