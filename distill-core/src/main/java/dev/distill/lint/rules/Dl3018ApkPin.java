package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.Set;

/** DL3018: pin versions in apk add. */
public final class Dl3018ApkPin extends RunRule {
  static final Set<String> OPTIONS_WITH_VALUE =
      Set.of(
          "--repository",
          "-X",
          "--virtual",
          "-t",
          "--root",
          "-p",
          "--arch",
          "--keys-dir",
          "--cache-dir",
          "--repositories-file",
          "--wait");

  public Dl3018ApkPin() {
    super("DL3018", Severity.WARNING, "Pin versions in apk add (package=version).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("apk")) {
      if (!c.hasSubcommand(OPTIONS_WITH_VALUE, "add")) {
        continue;
      }
      for (String p : Commands.afterSubcommand(c, OPTIONS_WITH_VALUE)) {
        if (!Regex.matches(".*[=~<>].*", p) && !p.endsWith(".apk") && !p.startsWith("$")) {
          return "apk add " + p + " without a version; use " + p + "=<version>";
        }
      }
    }
    return null;
  }
}
