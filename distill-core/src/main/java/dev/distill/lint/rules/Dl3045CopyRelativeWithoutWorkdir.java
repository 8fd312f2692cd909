package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;
import dev.distill.lint.Stage;
import java.util.List;

/** DL3045: COPY to a relative destination needs a WORKDIR first. */
public final class Dl3045CopyRelativeWithoutWorkdir extends BaseRule {
  public Dl3045CopyRelativeWithoutWorkdir() {
    super("DL3045", Severity.WARNING, "COPY to a relative destination without WORKDIR set.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      boolean workdir =
          s.lineage().stream()
              .skip(1)
              .anyMatch(a -> a.instructions().stream().anyMatch(i -> i.effective().is("WORKDIR")));
      for (Instruction top : s.instructions()) {
        Instruction i = top.effective();
        if (i.is("WORKDIR")) {
          workdir = true;
        }
        if (workdir || !i.is("COPY") || top.trigger() != null || !i.heredocs().isEmpty()) {
          continue;
        }
        List<String> words = CopyArgs.words(i);
        if (words.size() < 2) {
          continue;
        }
        String dest = words.get(words.size() - 1);
        if (!(dest.startsWith("/")
            || dest.startsWith("$")
            || Regex.matches("^[A-Za-z]:[\\\\/].*", dest))) {
          out.add(
              top.line(),
              "COPY to relative " + dest + " with no WORKDIR; set WORKDIR or use an absolute path");
        }
      }
    }
  }
}
