package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/** DL3038: dnf install needs -y. */
public final class Dl3038DnfYes extends RunRule {
  static final Set<String> MODIFYING =
      Set.of(
          "install",
          "in",
          "reinstall",
          "rei",
          "upgrade",
          "up",
          "update",
          "upgrade-minimal",
          "up-min",
          "groupinstall",
          "localinstall",
          "distro-sync",
          "dsync",
          "downgrade",
          "dg");

  public Dl3038DnfYes() {
    super("DL3038", Severity.WARNING, "Use the -y switch with dnf install.");
  }

  static boolean isDnf(ShellCommand c) {
    return c.is("dnf") || c.is("microdnf") || c.is("dnf5");
  }

  /** True for dnf commands that download packages (install, upgrade, module/group install…). */
  static boolean modifies(ShellCommand c) {
    List<String> pos = c.positional(Commands.YUM_OPTIONS_WITH_VALUE);
    if (pos.isEmpty()) {
      return false;
    }
    return MODIFYING.contains(pos.get(0))
        || (pos.size() > 1
            && (pos.get(0).equals("module") || pos.get(0).equals("group"))
            && pos.get(1).equals("install"));
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().commands()) {
      if (isDnf(c) && modifies(c) && !c.hasFlag("-y", "--assumeyes")) {
        List<String> pos = c.positional(Commands.YUM_OPTIONS_WITH_VALUE);
        if (pos.get(0).equals("install") || pos.get(0).equals("in") || pos.contains("install")) {
          return c.baseName() + " install without -y waits for confirmation";
        }
      }
    }
    return null;
  }
}
