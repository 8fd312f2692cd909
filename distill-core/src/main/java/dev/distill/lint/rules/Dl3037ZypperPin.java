package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.Set;

/** DL3037: pin versions in zypper install. */
public final class Dl3037ZypperPin extends RunRule {
  public Dl3037ZypperPin() {
    super("DL3037", Severity.WARNING, "Pin versions in zypper install (package=version).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("zypper")) {
      if (!Commands.subcommandIn(
          c, Dl3034ZypperNonInteractive.OPTIONS_WITH_VALUE, Set.of("install", "in"))) {
        continue;
      }
      for (String p : Commands.afterSubcommand(c, Dl3034ZypperNonInteractive.OPTIONS_WITH_VALUE)) {
        if (!Regex.matches(".*[=<>].*", p) && !p.endsWith(".rpm") && !p.startsWith("$")) {
          return "zypper install " + p + " without a version; use " + p + "=<version>";
        }
      }
    }
    return null;
  }
}
