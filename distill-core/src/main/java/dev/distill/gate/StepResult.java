package dev.distill.gate;

import dev.distill.report.Report;
import java.util.Optional;

/** What one step produced: its verdict and, when it ran a tool, that tool's report. */
record StepResult(GateOutcome outcome, Optional<Report> report) {
  static StepResult of(GateOutcome outcome, Report report) {
    return new StepResult(outcome, Optional.of(report));
  }

  static StepResult of(GateOutcome outcome) {
    return new StepResult(outcome, Optional.empty());
  }
}
