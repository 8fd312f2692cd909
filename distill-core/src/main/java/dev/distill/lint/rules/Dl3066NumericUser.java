package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;

/**
 * DL3066: USER by name depends on /etc/passwd; a numeric UID works everywhere (e.g. non-root
 * checks).
 */
public final class Dl3066NumericUser extends BaseRule {
  public Dl3066NumericUser() {
    super("DL3066", Severity.INFO, "Use a numeric UID in USER.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (!i.is("USER")) {
        continue;
      }
      String user = i.arguments().strip().split(":", 2)[0];
      if (!Regex.matches("\\d+", user) && !user.contains("$")) {
        out.add(top.line(), "USER " + user + " is a name; use its numeric UID");
      }
    }
  }
}
