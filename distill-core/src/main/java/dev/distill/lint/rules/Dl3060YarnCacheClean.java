package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;

/** DL3060: yarn cache clean after yarn install, in the same RUN. */
public final class Dl3060YarnCacheClean extends BaseRule {
  public Dl3060YarnCacheClean() {
    super("DL3060", Severity.INFO, "Run yarn cache clean after yarn install in the same RUN.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (RunInstruction run : ctx.runs()) {
      if (!(run.onbuild() || ctx.isFinalOrInherited(run.stage()))) {
        continue;
      }
      if (run.cacheMounted("/root/.cache/yarn")
          || run.cacheMounted("/usr/local/share/.cache/yarn")) {
        continue;
      }
      List<ShellCommand> cmds = run.script().commands();
      for (ShellCommand c : cmds) {
        if (c.is("yarn") && !c.args().isEmpty() && c.args().get(0).equals("install")) {
          boolean cleaned =
              cmds.stream()
                  .anyMatch(
                      k ->
                          k.index() > c.index()
                              && k.is("yarn")
                              && k.args().size() >= 2
                              && k.args().get(0).equals("cache")
                              && k.args().get(1).equals("clean"));
          if (!cleaned) {
            out.add(
                run.line(),
                "yarn cache stays in the layer; add && yarn cache clean after yarn install");
            break;
          }
        }
      }
    }
  }
}
