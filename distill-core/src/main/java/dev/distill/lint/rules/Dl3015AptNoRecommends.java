package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;

/** DL3015: install only what is asked, with --no-install-recommends. */
public final class Dl3015AptNoRecommends extends RunRule {
  public Dl3015AptNoRecommends() {
    super(
        "DL3015",
        Severity.INFO,
        "Avoid extra packages: use apt-get install --no-install-recommends.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("apt-get")) {
      if (c.hasSubcommand(Commands.APT_OPTIONS_WITH_VALUE, "install")
          && !c.hasFlag("--no-install-recommends")
          && c.args().stream().noneMatch(a -> a.contains("APT::Install-Recommends=false"))) {
        return "apt-get install without --no-install-recommends pulls in recommended packages";
      }
    }
    return null;
  }
}
