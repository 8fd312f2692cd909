package dev.distill.gate;

import java.util.List;
import java.util.Objects;

/**
 * One gate's verdict for one scope ({@code repository} or a service name): a one-line summary and,
 * when it failed, the lines that say what failed (at most a screenful).
 */
public record GateOutcome(
    String gate, String scope, GateStatus status, String summary, List<String> details) {
  public static final String REPOSITORY = "repository";

  public GateOutcome {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    details = List.copyOf(details);
  }

  public static GateOutcome passed(String gate, String scope, String summary) {
    return new GateOutcome(gate, scope, GateStatus.PASSED, summary, List.of());
  }

  public static GateOutcome failed(
      String gate, String scope, String summary, List<String> details) {
    return new GateOutcome(gate, scope, GateStatus.FAILED, summary, details);
  }

  public static GateOutcome skipped(String gate, String scope, String why) {
    return new GateOutcome(gate, scope, GateStatus.SKIPPED, why, List.of());
  }

  public boolean failed() {
    return status == GateStatus.FAILED;
  }
}
