package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/** DL3062: pin versions in go install, go get and go run (module@version). */
public final class Dl3062GoPin extends RunRule {
  private static final Set<String> OPTIONS_WITH_VALUE =
      Set.of(
          "-C",
          "-p",
          "-o",
          "-tags",
          "-ldflags",
          "-gcflags",
          "-asmflags",
          "-mod",
          "-modfile",
          "-overlay",
          "-pkgdir",
          "-exec",
          "-toolexec",
          "-buildmode",
          "-compiler");

  public Dl3062GoPin() {
    super("DL3062", Severity.WARNING, "Pin versions in go install/get/run (module@version).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("go")) {
      List<String> pos = c.positional(OPTIONS_WITH_VALUE);
      if (pos.isEmpty() || !Set.of("install", "get", "run").contains(pos.get(0))) {
        continue;
      }
      List<String> pkgs = pos.subList(1, pos.size());
      if (pos.get(0).equals("run") && pkgs.size() > 1) {
        pkgs = pkgs.subList(0, 1); // the rest are the program's arguments
      }
      for (String p : pkgs) {
        if (p.startsWith(".") || p.startsWith("/") || p.startsWith("$") || p.endsWith(".go")) {
          continue;
        }
        int at = p.lastIndexOf('@');
        if (at < 0 || p.substring(at + 1).equals("latest")) {
          return "go "
              + pos.get(0)
              + " "
              + p
              + " without a fixed version; use "
              + (at < 0 ? p : p.substring(0, at))
              + "@<version>";
        }
      }
    }
    return null;
  }
}
