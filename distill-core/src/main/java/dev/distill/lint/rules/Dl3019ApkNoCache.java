package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;

/** DL3019: apk add --no-cache keeps the index out of the layer. */
public final class Dl3019ApkNoCache extends RunRule {
  public Dl3019ApkNoCache() {
    super(
        "DL3019",
        Severity.INFO,
        "Use apk add --no-cache instead of --update and removing /var/cache/apk.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    if (run.cacheMounted("/var/cache/apk")) {
      return null;
    }
    for (ShellCommand c : run.script().named("apk")) {
      if (c.hasSubcommand(Dl3018ApkPin.OPTIONS_WITH_VALUE, "add") && !c.hasFlag("--no-cache")) {
        return "apk add without --no-cache leaves the package index in the layer";
      }
    }
    return null;
  }
}
