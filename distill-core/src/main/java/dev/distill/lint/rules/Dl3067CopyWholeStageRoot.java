package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import java.util.List;

/** DL3067: COPY --from=stage / / copies a whole root filesystem over this one. */
public final class Dl3067CopyWholeStageRoot extends BaseRule {
  public Dl3067CopyWholeStageRoot() {
    super("DL3067", Severity.WARNING, "Do not COPY the whole root of another stage onto /.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Instruction top : ctx.instructions()) {
      Instruction i = top.effective();
      if (i.is("COPY") && i.flag("from").isPresent()) {
        List<String> w = CopyArgs.words(i);
        if (w.size() == 2 && w.get(0).equals("/") && w.get(1).equals("/")) {
          out.add(
              top.line(),
              "COPY --from="
                  + i.flag("from").get()
                  + " / / overwrites the whole filesystem; copy only what is needed");
        }
      }
    }
  }
}
