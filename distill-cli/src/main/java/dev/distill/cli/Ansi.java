package dev.distill.cli;

import dev.distill.findings.Severity;

/**
 * Colour for terminal tables, as Trivy and hadolint do: only when stdout is a terminal and {@code
 * NO_COLOR} is not set (https://no-color.org), so pipes and files get plain text.
 */
final class Ansi {
  private static final String RESET = "\u001b[0m";

  private Ansi() {}

  static boolean enabled() {
    String noColor = System.getenv("NO_COLOR");
    return isTerminal() && (noColor == null || noColor.isEmpty());
  }

  /**
   * Java 17 has no console when output is redirected; from Java 22 a console always exists and
   * {@code Console.isTerminal()} tells, so ask it where it is there.
   */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** {@code text} coloured for {@code severity} when {@code colour} is on. */
  static String severity(Severity severity, String text, boolean colour) {
    if (!colour) {
      return text;
    }
    String code =
        switch (severity) {
          case CRITICAL -> "\u001b[1;31m";
          case HIGH, ERROR -> "\u001b[31m";
          case MEDIUM, WARNING -> "\u001b[33m";
          case LOW -> "\u001b[34m";
          default -> "\u001b[2m";
        };
    return code + text + RESET;
  }
}
