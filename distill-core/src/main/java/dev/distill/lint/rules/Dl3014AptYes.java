package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;

/** DL3014: apt-get install needs -y (or -qq) so the build never waits for input. */
public final class Dl3014AptYes extends RunRule {
  public Dl3014AptYes() {
    super("DL3014", Severity.WARNING, "Use the -y switch with apt-get install.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("apt-get")) {
      if (c.hasSubcommand(Commands.APT_OPTIONS_WITH_VALUE, "install")
          && !c.hasFlag("-y", "--yes", "--assume-yes")
          && quietLevel(c) < 2) {
        return "apt-get install without -y waits for confirmation";
      }
    }
    return null;
  }

  static int quietLevel(ShellCommand c) {
    int q = 0;
    for (String a : c.args()) {
      if (a.startsWith("-q=") || a.startsWith("--quiet=")) {
        try {
          q += Integer.parseInt(a.substring(a.indexOf('=') + 1));
        } catch (NumberFormatException e) {
          q++;
        }
      } else if (a.equals("--quiet")) {
        q++;
      } else if (a.startsWith("-") && !a.startsWith("--")) {
        q += (int) a.chars().filter(ch -> ch == 'q').count();
      }
    }
    return q;
  }
}
