package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/** DL3036: zypper clean after zypper install, in the same RUN. */
public final class Dl3036ZypperClean extends RunRule {
  public Dl3036ZypperClean() {
    super("DL3036", Severity.WARNING, "Run zypper clean after zypper install in the same RUN.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    if (run.cacheMounted("/var/cache/zypp")) {
      return null;
    }
    List<ShellCommand> cmds = run.script().commands();
    for (ShellCommand c : cmds) {
      if (c.is("zypper")
          && Commands.subcommandIn(
              c, Dl3034ZypperNonInteractive.OPTIONS_WITH_VALUE, Set.of("install", "in"))) {
        boolean cleaned =
            cmds.stream()
                    .anyMatch(
                        k ->
                            k.index() > c.index()
                                && k.is("zypper")
                                && Commands.subcommandIn(k, Set.of(), Set.of("clean", "cc")))
                || Commands.removesLater(cmds, c.index(), "/var/cache/zypp");
        if (!cleaned) {
          return "zypper cache stays in the layer; add && zypper clean after zypper install";
        }
      }
    }
    return null;
  }
}
