package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;

/** DL3028: pin versions in gem install. */
public final class Dl3028GemPin extends RunRule {
  public Dl3028GemPin() {
    super("DL3028", Severity.WARNING, "Pin versions in gem install (gem:version or --version).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("gem")) {
      List<String> args = c.args();
      if (args.isEmpty() || !(args.get(0).equals("install") || args.get(0).equals("i"))) {
        continue;
      }
      if (c.hasFlag("-v", "--version")) {
        continue;
      }
      boolean afterLongOption = false;
      for (String a : args.subList(1, args.size())) {
        if (a.equals("--")) {
          break;
        }
        if (a.startsWith("-")) {
          afterLongOption =
              a.startsWith("--") && !a.contains("=") || a.equals("-i") || a.equals("-n");
          continue;
        }
        if (afterLongOption) {
          afterLongOption = false;
          continue; // the option's value
        }
        if (!a.contains(":") && !a.endsWith(".gem")) {
          return "gem install " + a + " without a version; use " + a + ":<version>";
        }
      }
    }
    return null;
  }
}
