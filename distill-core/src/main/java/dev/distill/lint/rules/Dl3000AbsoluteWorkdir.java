package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.KeyValues;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;

/** DL3000: WORKDIR must be an absolute path. */
public final class Dl3000AbsoluteWorkdir extends BaseRule {
  public Dl3000AbsoluteWorkdir() {
    super("DL3000", Severity.ERROR, "Use an absolute path for WORKDIR.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (!i.is("WORKDIR")) {
        continue;
      }
      String dir = KeyValues.unquote(i.arguments().strip().replace("\\", "/"));
      if (!(dir.startsWith("/")
          || dir.startsWith("$")
          || Regex.matches("^[A-Za-z]:([/].*)?$", dir))) {
        out.add(top.line(), "WORKDIR " + dir + " is relative; give an absolute path");
      }
    }
  }
}
