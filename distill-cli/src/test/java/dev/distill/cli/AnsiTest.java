package dev.distill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.findings.Severity;
import org.junit.jupiter.api.Test;

class AnsiTest {
  @Test
  void coloursOnlyWhenAsked() {
    assertThat(Ansi.severity(Severity.HIGH, "HIGH", false)).isEqualTo("HIGH");
    assertThat(Ansi.severity(Severity.CRITICAL, "CRITICAL", true))
        .startsWith("\u001b[1;31m")
        .contains("CRITICAL")
        .endsWith("\u001b[0m");
    assertThat(Ansi.severity(Severity.LOW, "LOW", true))
        .isNotEqualTo(Ansi.severity(Severity.HIGH, "LOW", true));
  }

  @Test
  void testsRunWithoutATerminalSoOutputIsPlain() {
    // Surefire's forked JVM writes to a pipe: the CLI must not colour piped output.
    assertThat(Ansi.enabled()).isFalse();
  }
}
