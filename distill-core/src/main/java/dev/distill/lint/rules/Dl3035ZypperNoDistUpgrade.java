package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.Set;

/** DL3035: zypper dist-upgrade belongs in the base image, not in a build. */
public final class Dl3035ZypperNoDistUpgrade extends RunRule {
  public Dl3035ZypperNoDistUpgrade() {
    super("DL3035", Severity.WARNING, "Do not use zypper dist-upgrade.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("zypper")) {
      if (Commands.subcommandIn(
          c, Dl3034ZypperNonInteractive.OPTIONS_WITH_VALUE, Set.of("dist-upgrade", "dup"))) {
        return "zypper dist-upgrade in a build; use a newer base image";
      }
    }
    return null;
  }
}
