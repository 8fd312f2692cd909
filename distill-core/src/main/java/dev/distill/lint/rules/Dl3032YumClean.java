package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;

/** DL3032: yum clean all after yum install, in the same RUN. */
public final class Dl3032YumClean extends RunRule {
  public Dl3032YumClean() {
    super("DL3032", Severity.WARNING, "Run yum clean all after yum install in the same RUN.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    if (run.cacheMounted("/var/cache/yum")) {
      return null;
    }
    List<ShellCommand> cmds = run.script().commands();
    for (ShellCommand c : cmds) {
      if (c.is("yum") && Dl3030YumYes.installs(c)) {
        boolean cleaned =
            cmds.stream()
                    .anyMatch(
                        k ->
                            k.index() > c.index()
                                && k.is("yum")
                                && k.positional(Commands.YUM_OPTIONS_WITH_VALUE)
                                    .equals(List.of("clean", "all")))
                || Commands.removesLater(cmds, c.index(), "/var/cache/yum");
        if (!cleaned) {
          return "yum cache stays in the layer; add && yum clean all after yum install";
        }
      }
    }
    return null;
  }
}
