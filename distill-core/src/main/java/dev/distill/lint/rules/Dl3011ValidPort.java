package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;

/** DL3011: EXPOSE ports must be in 0–65535. */
public final class Dl3011ValidPort extends BaseRule {
  public Dl3011ValidPort() {
    super("DL3011", Severity.ERROR, "Valid UNIX ports range from 0 to 65535.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (!i.is("EXPOSE")) {
        continue;
      }
      for (String word : Regex.words(i.arguments())) {
        String ports = word.split("/", 2)[0];
        for (String p : ports.split("-", 2)) {
          if (Regex.matches("\\d{1,9}", p) && Long.parseLong(p) > 65535) {
            out.add(top.line(), "port " + p + " is outside 0-65535");
          }
        }
      }
    }
  }
}
