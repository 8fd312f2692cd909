package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;

/** DL3046: useradd with a large UID and without -l bloats /var/log/faillog and lastlog. */
public final class Dl3046UseraddLongUid extends RunRule {
  public Dl3046UseraddLongUid() {
    super(
        "DL3046",
        Severity.WARNING,
        "useradd without -l and with a high UID makes the image very large.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("useradd")) {
      String uid = c.optionValue("-u", "--uid");
      if (uid != null && Regex.matches("\\d{6,}", uid) && !c.hasFlag("-l", "--no-log-init")) {
        return "useradd -u " + uid + " without -l writes huge sparse log files; add -l";
      }
    }
    return null;
  }
}
