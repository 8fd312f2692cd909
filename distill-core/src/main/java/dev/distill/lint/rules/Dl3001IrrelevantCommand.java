package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.Set;

/** DL3001: interactive or system commands (ssh, vim, top…) make no sense in an image build. */
public final class Dl3001IrrelevantCommand extends RunRule {
  private static final Set<String> COMMANDS =
      Set.of(
          "free",
          "kill",
          "mount",
          "ps",
          "service",
          "shutdown",
          "ssh",
          "top",
          "vim",
          "ifconfig",
          "nano");

  public Dl3001IrrelevantCommand() {
    super(
        "DL3001",
        Severity.INFO,
        "Commands such as ssh, vim, shutdown, service, ps, free, top, kill, mount or ifconfig have no use in a container build.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().commands()) {
      if (COMMANDS.contains(c.baseName())) {
        return "'" + c.baseName() + "' is pointless while building an image";
      }
    }
    return null;
  }
}
