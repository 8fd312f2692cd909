package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.Instruction;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;
import dev.distill.lint.Stage;

/** DL3022: COPY --from should name a stage defined before it. */
public final class Dl3022CopyFromKnownStage extends BaseRule {
  public Dl3022CopyFromKnownStage() {
    super(
        "DL3022",
        Severity.WARNING,
        "COPY --from should reference a previously defined FROM alias.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      for (Instruction top : LintContext.stageInstructions(s)) {
        Instruction i = top.effective();
        if (!i.is("COPY") || i.flag("from").isEmpty()) {
          continue;
        }
        String from = i.flag("from").get();
        if (from.contains(":") || from.contains("/") || from.contains("$")) {
          continue; // an image reference or a variable, not a stage
        }
        boolean known;
        if (Regex.matches("\\d+", from)) {
          known = hasEarlierIndex(ctx, s, Integer.parseInt(from));
        } else {
          known =
              ctx.stages().stream()
                  .anyMatch(
                      o ->
                          o.index() < s.index()
                              && o.alias() != null
                              && o.alias().equalsIgnoreCase(from));
        }
        if (!known) {
          out.add(top.line(), "COPY --from=" + from + " names no earlier stage");
        }
      }
    }
  }

  private static boolean hasEarlierIndex(LintContext ctx, Stage s, int n) {
    int fromIndex = 0;
    for (Stage o : ctx.stages()) {
      if (o.from() == null) {
        continue;
      }
      if (o.index() >= s.index()) {
        return false;
      }
      if (fromIndex++ == n) {
        return true;
      }
    }
    return false;
  }
}
