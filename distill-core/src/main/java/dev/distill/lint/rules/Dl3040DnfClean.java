package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;

/** DL3040: dnf clean all after dnf install, in the same RUN. */
public final class Dl3040DnfClean extends RunRule {
  public Dl3040DnfClean() {
    super("DL3040", Severity.WARNING, "Run dnf clean all after dnf install in the same RUN.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    if (run.cacheMounted("/var/cache/libdnf5")
        || run.cacheMounted("/var/cache/dnf")
        || run.cacheMounted("/var/cache/yum")) {
      return null;
    }
    List<ShellCommand> cmds = run.script().commands();
    for (ShellCommand c : cmds) {
      if (Dl3038DnfYes.isDnf(c) && Dl3038DnfYes.modifies(c)) {
        boolean cleaned =
            cmds.stream()
                    .anyMatch(
                        k ->
                            k.index() > c.index()
                                && k.baseName().equals(c.baseName())
                                && k.positional(Commands.YUM_OPTIONS_WITH_VALUE)
                                    .equals(List.of("clean", "all")))
                || Commands.removesLater(
                    cmds, c.index(), "/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5");
        if (!cleaned) {
          return c.baseName()
              + " cache stays in the layer; add && "
              + c.baseName()
              + " clean all afterwards";
        }
      }
    }
    return null;
  }
}
