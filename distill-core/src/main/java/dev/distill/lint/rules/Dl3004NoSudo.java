package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;

/** DL3004: sudo in a build behaves unpredictably. */
public final class Dl3004NoSudo extends RunRule {
  public Dl3004NoSudo() {
    super(
        "DL3004",
        Severity.ERROR,
        "Do not use sudo; run as root in the build or use a tool like gosu.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    return run.script().uses("sudo")
        ? "sudo in RUN; the build already runs as the image's USER"
        : null;
  }
}
