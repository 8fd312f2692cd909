package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;

/** DL3006: FROM should name an explicit tag. */
public final class Dl3006TagImage extends BaseRule {
  public Dl3006TagImage() {
    super("DL3006", Severity.WARNING, "Always tag the version of an image explicitly.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      if (s.from() == null || s.parent() != null) {
        continue;
      }
      String image = s.image();
      if (image.equals("scratch")
          || image.contains("$")
          || image.contains("@")
          || isAlias(ctx, image, s)) {
        continue;
      }
      String last = image.substring(image.lastIndexOf('/') + 1);
      if (!last.contains(":")) {
        out.add(
            s.from().line(),
            "image " + image + " has no tag; pin one, e.g. " + image + ":<version>");
      }
    }
  }

  static boolean isAlias(LintContext ctx, String image, Stage before) {
    return ctx.stages().stream()
        .anyMatch(
            o ->
                o.index() < before.index()
                    && o.alias() != null
                    && o.alias().equalsIgnoreCase(image));
  }
}
