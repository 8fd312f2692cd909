package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;

/** DL3057: the final image has no HEALTHCHECK; hadolint keeps it off by default. */
public final class Dl3057HealthcheckMissing extends BaseRule {
  public Dl3057HealthcheckMissing() {
    super("DL3057", Severity.INFO, "HEALTHCHECK instruction missing.");
  }

  @Override
  public boolean enabledByDefault() {
    return false;
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    Stage last = ctx.stages().get(ctx.stages().size() - 1);
    if (last.from() == null) {
      return;
    }
    boolean has =
        last.lineage().stream()
            .anyMatch(s -> s.instructions().stream().anyMatch(i -> i.is("HEALTHCHECK")));
    if (!has) {
      out.add(
          last.from().line(),
          "the image has no HEALTHCHECK (use HEALTHCHECK NONE to say so on purpose)");
    }
  }
}
