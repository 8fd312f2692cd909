package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.Set;

/** DL3034: zypper needs a non-interactive switch. */
public final class Dl3034ZypperNonInteractive extends RunRule {
  static final Set<String> INSTALLING =
      Set.of(
          "install",
          "in",
          "remove",
          "rm",
          "source-install",
          "si",
          "patch",
          "update",
          "up",
          "dist-upgrade",
          "dup");
  static final Set<String> OPTIONS_WITH_VALUE =
      Set.of("--from", "-r", "--repo", "-t", "--type", "--root", "-R");

  public Dl3034ZypperNonInteractive() {
    super(
        "DL3034",
        Severity.WARNING,
        "Use a non-interactive switch with zypper (zypper install -y).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("zypper")) {
      if (Commands.subcommandIn(c, OPTIONS_WITH_VALUE, INSTALLING)
          && !c.hasFlag("-n", "--non-interactive", "-y", "--no-confirm")) {
        return "zypper without -n waits for confirmation";
      }
    }
    return null;
  }
}
