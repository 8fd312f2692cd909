package dev.distill.vuln.audit;

import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.RuleDescriptor;
import java.util.List;
import java.util.Map;

/** One dockle-style checkpoint. */
public interface AuditCheck {
  String TOOL = "distill-audit";

  /** The rule this check reports under. */
  RuleDescriptor rule();

  /** The findings on {@code target}; empty when it passes. */
  List<Finding> check(AuditTarget target);

  /** A finding of this check at {@code where} (an image path or the config). */
  default Finding finding(AuditTarget t, String message, String where) {
    return new Finding(
        TOOL,
        rule().id(),
        rule().defaultSeverity(),
        message,
        Location.of(t.name() + ":" + where),
        rule().id() + "|" + where,
        Map.of());
  }

  /**
   * One finding per path of {@code paths} present in the target: "{@code what} PATH is present".
   */
  default List<Finding> present(AuditTarget t, List<String> paths, String what) {
    return paths.stream()
        .filter(p -> t.files().entry(p).isPresent())
        .map(p -> finding(t, what + " " + p + " is present", p))
        .toList();
  }
}
