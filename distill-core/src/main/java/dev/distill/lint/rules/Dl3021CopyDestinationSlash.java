package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import java.util.List;

/** DL3021: COPY with several sources needs a destination folder ending in /. */
public final class Dl3021CopyDestinationSlash extends BaseRule {
  public Dl3021CopyDestinationSlash() {
    super(
        "DL3021",
        Severity.ERROR,
        "COPY with more than two arguments needs a destination ending with /.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (!i.is("COPY") || !i.heredocs().isEmpty()) {
        continue;
      }
      List<String> words = CopyArgs.words(i);
      if (words.size() > 2) {
        String dest = words.get(words.size() - 1);
        if (!dest.endsWith("/") && !dest.endsWith("\\")) {
          out.add(
              top.line(), "COPY of several sources to " + dest + "; end the destination with /");
        }
      }
    }
  }
}
