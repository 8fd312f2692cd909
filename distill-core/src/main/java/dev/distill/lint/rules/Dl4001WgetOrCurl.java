package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.Stage;

/** DL4001: use either wget or curl in a stage, not both. */
public final class Dl4001WgetOrCurl extends BaseRule {
  public Dl4001WgetOrCurl() {
    super("DL4001", Severity.WARNING, "Use either wget or curl, not both.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    Stage stage = null;
    boolean wget = false;
    boolean curl = false;
    for (RunInstruction run : ctx.runs()) {
      if (run.stage() != stage) {
        stage = run.stage();
        wget = false;
        curl = false;
      }
      boolean w = run.script().uses("wget");
      boolean c = run.script().uses("curl");
      wget |= w;
      curl |= c;
      if ((w || c) && wget && curl) {
        out.add(run.line(), "this stage uses both wget and curl; pick one");
      }
    }
  }
}
