package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;

/** DL3027: apt is for people; scripts use apt-get or apt-cache. */
public final class Dl3027NoApt extends RunRule {
  public Dl3027NoApt() {
    super("DL3027", Severity.WARNING, "Do not use apt in scripts; use apt-get or apt-cache.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    return run.script().uses("apt")
        ? "apt has no stable command-line interface; use apt-get"
        : null;
  }
}
