package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;
import java.util.Set;

/** DL3063: a stage must not be named like a reserved image name (scratch). */
public final class Dl3063ReservedStageName extends BaseRule {
  private static final Set<String> RESERVED = Set.of("scratch", "context");

  public Dl3063ReservedStageName() {
    super("DL3063", Severity.WARNING, "Stage name should not be a reserved word.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      if (s.alias() != null && RESERVED.contains(s.alias())) {
        out.add(s.from().line(), "stage name " + s.alias() + " is reserved; choose another name");
      }
    }
  }
}
