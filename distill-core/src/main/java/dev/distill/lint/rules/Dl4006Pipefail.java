package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import java.util.List;
import java.util.Set;

/** DL4006: a pipe hides failures of its left side unless the shell runs with -o pipefail. */
public final class Dl4006Pipefail extends RunRule {
  private static final Set<String> PIPEFAIL_SHELLS =
      Set.of(
          "/bin/bash",
          "/bin/zsh",
          "/bin/ash",
          "bash",
          "zsh",
          "ash",
          "/usr/bin/zsh",
          "/usr/bin/bash",
          "/usr/bin/ash");

  public Dl4006Pipefail() {
    super("DL4006", Severity.WARNING, "Set SHELL with -o pipefail before a RUN with a pipe.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    if (run.run().isJsonForm() || !run.script().hasPipes()) {
      return null;
    }
    List<String> shell = ctx.shellFor(run.stage(), run.instruction());
    if (ShellKind.nonPosix(shell.get(0)) || ShellKind.nonPosix(ctx.pragmaShell())) {
      return null;
    }
    if (PIPEFAIL_SHELLS.contains(shell.get(0))) {
      for (int k = 1; k + 1 < shell.size(); k++) {
        String a = shell.get(k);
        if (a.startsWith("-")
            && !a.startsWith("--")
            && a.endsWith("o")
            && shell.get(k + 1).equals("pipefail")) {
          return null;
        }
      }
    }
    return "RUN with a pipe but the shell lacks -o pipefail; add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]";
  }
}
