package dev.distill.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.findings.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code shellcheck} binary on a RUN script, as hadolint does: the script is prefixed with
 * a shebang for the stage's shell and {@code export NAME=1} for each ARG/ENV name in scope so
 * ShellCheck knows they are set.
 */
public final class ShellCheck {
  /** Codes hadolint leaves out: ash is unsupported, sourced files are not available. */
  private static final String EXCLUDES = "SC2187,SC1090,SC1091";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Availability per executable, checked once per process. */
  private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> AVAILABLE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final String executable;

  public record Issue(String code, Severity severity, String message) {}

  public ShellCheck(String executable) {
    this.executable = executable;
  }

  /** True if {@code shellcheck --version} runs. Checked once per process. */
  public boolean available() {
    return AVAILABLE.computeIfAbsent(executable, ShellCheck::probe);
  }

  private static boolean probe(String executable) {
    try {
      Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Checks a script for a shell ({@code sh}, {@code bash}…) with these variables known as set. */
  public List<Issue> check(String shell, List<String> knownVariables, String script) {
    String dialect = dialect(shell);
    StringBuilder text = new StringBuilder("#!/bin/").append(dialect).append('\n');
    for (String v : knownVariables) {
      text.append("export ").append(v).append("=1\n");
    }
    text.append(script).append('\n');
    try {
      Process p =
          new ProcessBuilder(
                  executable, "--format=json", "--shell=" + dialect, "--exclude=" + EXCLUDES, "-")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(text.toString().getBytes(StandardCharsets.UTF_8));
      }
      byte[] out;
      try (InputStream o = p.getInputStream()) {
        out = o.readAllBytes();
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return List.of();
      }
      List<Issue> issues = new ArrayList<>();
      if (out.length == 0) {
        return issues;
      }
      for (JsonNode n : JSON.readTree(out)) {
        String level = n.path("level").asText("warning");
        Severity sev =
            switch (level.toLowerCase(Locale.ROOT)) {
              case "error" -> Severity.ERROR;
              case "info" -> Severity.INFO;
              case "style" -> Severity.STYLE;
              default -> Severity.WARNING;
            };
        issues.add(new Issue("SC" + n.path("code").asInt(), sev, n.path("message").asText()));
      }
      return issues;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  static String dialect(String shell) {
    String base = shell.substring(shell.lastIndexOf('/') + 1);
    return switch (base) {
      case "bash", "zsh" -> "bash";
      case "dash" -> "dash";
      case "ksh", "mksh" -> "ksh";
      default -> "sh";
    };
  }
}
