package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;

/** DL3009: remove /var/lib/apt/lists after apt-get update, in the same RUN. */
public final class Dl3009AptListsCleanup extends BaseRule {
  public Dl3009AptListsCleanup() {
    super(
        "DL3009",
        Severity.INFO,
        "Delete the apt lists (/var/lib/apt/lists) after installing packages.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (RunInstruction run : ctx.runs()) {
      if (!(run.onbuild() || ctx.isFinalOrInherited(run.stage()))) {
        continue;
      }
      List<ShellCommand> cmds = run.script().commands();
      boolean update =
          cmds.stream()
              .anyMatch(
                  c ->
                      (c.is("apt-get") || c.is("apt") || c.is("aptitude"))
                          && c.positional(Commands.APT_OPTIONS_WITH_VALUE).contains("update"));
      if (!update) {
        continue;
      }
      boolean cleaned = Commands.removesLater(cmds, -1, "/var/lib/apt/lists");
      boolean mounted =
          run.cacheMounted("/var/lib/apt/lists")
              || (run.cacheMounted("/var/lib/apt") && run.cacheMounted("/var/cache/apt"));
      if (!cleaned && !mounted) {
        out.add(
            run.line(),
            "apt lists stay in the layer; add && rm -rf /var/lib/apt/lists/* to this RUN");
      }
    }
  }
}
