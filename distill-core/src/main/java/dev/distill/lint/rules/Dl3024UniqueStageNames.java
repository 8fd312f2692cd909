package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;
import java.util.HashSet;
import java.util.Set;

/** DL3024: stage names must be unique. */
public final class Dl3024UniqueStageNames extends BaseRule {
  public Dl3024UniqueStageNames() {
    super("DL3024", Severity.ERROR, "FROM aliases (stage names) must be unique.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    Set<String> seen = new HashSet<>();
    for (Stage s : ctx.stages()) {
      if (s.alias() != null && !seen.add(s.alias())) {
        out.add(s.from().line(), "stage name " + s.alias() + " is used twice");
      }
    }
  }
}
