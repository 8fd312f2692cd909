package dev.distill.gate;

/** A gate's verdict. SKIPPED means it did not run (turned off, or an earlier gate failed). */
public enum GateStatus {
  PASSED,
  FAILED,
  SKIPPED
}
