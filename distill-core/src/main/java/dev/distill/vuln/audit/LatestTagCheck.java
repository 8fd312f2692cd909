package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.util.ArrayList;
import java.util.List;

/** The image is tagged {@code latest} (or untagged), which does not pin a version. */
public final class LatestTagCheck implements AuditCheck {
  private static final RuleDescriptor RULE =
      new RuleDescriptor("DA007", Severity.LOW, "Image uses the 'latest' tag", "");

  @Override
  public RuleDescriptor rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(AuditTarget t) {
    List<Finding> out = new ArrayList<>();
    for (String ref : t.config().tags()) {
      String noDigest = ref.split("@", 2)[0];
      int slash = noDigest.lastIndexOf('/');
      int colon = noDigest.lastIndexOf(':');
      boolean tagged = colon > slash;
      if (!tagged && !ref.contains("@")
          || tagged && noDigest.substring(colon + 1).equals("latest")) {
        out.add(finding(t, "Image reference " + ref + " uses the latest tag", "tag/" + ref));
      }
    }
    return out;
  }
}
