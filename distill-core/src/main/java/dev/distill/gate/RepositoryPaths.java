package dev.distill.gate;

import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.report.Report;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a report's findings at a file of the repository. Code scanning can only show a finding at
 * a path of the repository; a finding inside an image (a dpkg record, the image config) belongs to
 * the file that made the image — the spec, or the lock that pins the package. Where in the image it
 * was stays in the finding's {@code imageLocation} property.
 */
final class RepositoryPaths {
  private RepositoryPaths() {}

  static Report relocate(Report report, String repositoryPath) {
    return new Report(
        report.tool(),
        report.toolVersion(),
        report.rules(),
        report.findings().stream().map(f -> relocate(f, repositoryPath)).toList());
  }

  private static Finding relocate(Finding f, String repositoryPath) {
    Map<String, String> props = new HashMap<>(f.properties());
    props.put("imageLocation", f.location().toString());
    return new Finding(
        f.tool(),
        f.ruleId(),
        f.severity(),
        f.message(),
        Location.of(repositoryPath),
        f.fingerprint(),
        props);
  }
}
