package dev.distill.gate;

import dev.distill.report.HtmlReport;
import dev.distill.report.Report;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gate found for one service: the verdict of each of its gates, the tools' reports,
 * the built image's summary (when the build passed) and its SBOM files by name.
 */
public record ServiceCheck(
    String service,
    String release,
    Optional<String> digest,
    Optional<HtmlReport.ImageSummary> image,
    List<GateOutcome> outcomes,
    List<Report> reports,
    Map<String, byte[]> sboms,
    Map<String, Integer> vulnerabilitiesBySeverity) {
  public ServiceCheck {
    Objects.requireNonNull(service, "service");
    outcomes = List.copyOf(outcomes);
    reports = List.copyOf(reports);
    // Sorted: summary.json lists them, and Map.copyOf's order changes from run to run.
    sboms = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sboms));
    vulnerabilitiesBySeverity =
        java.util.Collections.unmodifiableSortedMap(
            new java.util.TreeMap<>(vulnerabilitiesBySeverity));
  }
}
