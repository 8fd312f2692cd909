package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;

/** DL3023: COPY --from cannot name the stage it is in. */
public final class Dl3023CopyFromOwnStage extends BaseRule {
  public Dl3023CopyFromOwnStage() {
    super("DL3023", Severity.ERROR, "COPY --from cannot reference its own FROM alias.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      if (s.alias() == null) {
        continue;
      }
      for (Instruction top : s.instructions()) {
        Instruction i = top.effective();
        if (i.is("COPY") && i.flag("from").map(f -> f.equalsIgnoreCase(s.alias())).orElse(false)) {
          out.add(top.line(), "COPY --from=" + s.alias() + " refers to the stage it is in");
        }
      }
    }
  }
}
