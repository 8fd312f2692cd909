package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Stage;

/** DL3007: the latest tag moves; pin a release. */
public final class Dl3007LatestTag extends BaseRule {
  public Dl3007LatestTag() {
    super("DL3007", Severity.WARNING, "Do not use the latest tag; pin the image to a release tag.");
  }

  @Override
  public void check(LintContext ctx, Violations out) {
    for (Stage s : ctx.stages()) {
      if (s.from() != null && s.parent() == null) {
        String image = s.image();
        int at = image.indexOf('@');
        String ref = at >= 0 ? image.substring(0, at) : image;
        if (at < 0 && ref.substring(ref.lastIndexOf('/') + 1).endsWith(":latest")) {
          out.add(
              s.from().line(), "image " + image + " uses the moving tag latest; pin a release tag");
        }
      }
    }
  }
}
