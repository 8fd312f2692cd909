package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.Set;

/** DL3030: yum install needs -y. */
public final class Dl3030YumYes extends RunRule {
  static final Set<String> INSTALL = Set.of("install", "groupinstall", "localinstall", "reinstall");

  public Dl3030YumYes() {
    super("DL3030", Severity.WARNING, "Use the -y switch with yum install.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("yum")) {
      if (installs(c) && !c.hasFlag("-y", "--assumeyes")) {
        return "yum install without -y waits for confirmation";
      }
    }
    return null;
  }

  static boolean installs(ShellCommand c) {
    java.util.List<String> pos = c.positional(Commands.YUM_OPTIONS_WITH_VALUE);
    return !pos.isEmpty()
        && (INSTALL.contains(pos.get(0))
            || (pos.size() > 1
                && (pos.get(0).equals("module") || pos.get(0).equals("group"))
                && pos.get(1).equals("install")));
  }
}
