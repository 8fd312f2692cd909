package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.KeyValues;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;
import java.util.HashSet;
import java.util.Set;

/** DL3049: every stage that yields an image carries the labels the schema requires. */
public final class Dl3049LabelMissing extends BaseRule {
  public Dl3049LabelMissing() {
    super("DL3049", Severity.INFO, "A label required by the label schema is missing.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    if (ctx.config().labelSchema().isEmpty()) {
      return;
    }
    Set<String> copiedFrom = new HashSet<>();
    for (Instruction top : ctx.instructions()) {
      top.effective()
          .flag("from")
          .ifPresent(f -> copiedFrom.add(f.toLowerCase(java.util.Locale.ROOT)));
    }
    for (Stage s : ctx.stages()) {
      if (s.from() == null) {
        continue;
      }
      boolean copySource = s.alias() != null && copiedFrom.contains(s.alias());
      boolean inherited = ctx.stages().stream().anyMatch(o -> o.parent() == s);
      if (copySource || inherited) {
        continue; // only stages that end up as images are checked, through their lineage
      }
      Set<String> present = new HashSet<>();
      for (Stage a : s.lineage()) {
        for (Instruction i : a.instructions()) {
          if (i.effective().is("LABEL")) {
            KeyValues.parse(i.effective().arguments()).forEach(kv -> present.add(kv[0]));
          }
        }
      }
      for (String required : ctx.config().labelSchema().keySet()) {
        if (!present.contains(required)) {
          for (Stage a : s.lineage()) {
            out.add(a.from().line(), "label " + required + " is missing from this stage");
          }
        }
      }
    }
  }
}
