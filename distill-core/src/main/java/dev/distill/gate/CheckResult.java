package dev.distill.gate;

import dev.distill.report.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The whole gate: the repository-wide secret scan, then each service, with one verdict. */
public record CheckResult(
    Instant started,
    Duration took,
    String toolVersion,
    List<GateOutcome> repositoryOutcomes,
    Optional<Report> secretsReport,
    List<ServiceCheck> services) {
  public CheckResult {
    repositoryOutcomes = List.copyOf(repositoryOutcomes);
    services = List.copyOf(services);
  }

  /** Every verdict, repository first, then service by service in gate order. */
  public List<GateOutcome> outcomes() {
    List<GateOutcome> all = new ArrayList<>(repositoryOutcomes);
    services.forEach(s -> all.addAll(s.outcomes()));
    return all;
  }

  public List<GateOutcome> failures() {
    return outcomes().stream().filter(GateOutcome::failed).toList();
  }

  public boolean passed() {
    return failures().isEmpty();
  }

  /** Every tool report: secrets first, then each service's. */
  public List<Report> reports() {
    List<Report> all = new ArrayList<>();
    secretsReport.ifPresent(all::add);
    services.forEach(s -> all.addAll(s.reports()));
    return all;
  }
}
