package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;

/** DL3047: wget's default progress bar floods build logs. */
public final class Dl3047WgetProgress extends RunRule {
  public Dl3047WgetProgress() {
    super(
        "DL3047",
        Severity.INFO,
        "Use wget --progress=dot:giga (or -q/-nv) to avoid bloated build logs.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("wget")) {
      if (!c.hasFlag(
          "--progress",
          "-q",
          "--quiet",
          "-nv",
          "--no-verbose",
          "-o",
          "--output-file",
          "-a",
          "--append-output")) {
        return "wget without --progress fills the build log with a progress bar";
      }
    }
    return null;
  }
}
