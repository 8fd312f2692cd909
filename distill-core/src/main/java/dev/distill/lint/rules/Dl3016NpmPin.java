package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.Set;

/** DL3016: pin versions in npm install. */
public final class Dl3016NpmPin extends RunRule {
  private static final Set<String> OPTIONS_WITH_VALUE =
      Set.of(
          "--registry",
          "--loglevel",
          "--prefix",
          "--cache",
          "--tag",
          "-w",
          "--workspace",
          "--userconfig",
          "--omit",
          "--include",
          "--install-strategy",
          "--before");
  private static final Set<String> INSTALL =
      Set.of(
          "install", "i", "add", "isntall", "in", "ins", "inst", "insta", "instal", "isnt", "isnta",
          "isntal");

  public Dl3016NpmPin() {
    super("DL3016", Severity.WARNING, "Pin versions in npm install (package@version).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().named("npm")) {
      if (!Commands.subcommandIn(c, OPTIONS_WITH_VALUE, INSTALL)) {
        continue;
      }
      for (String p : Commands.afterSubcommand(c, OPTIONS_WITH_VALUE)) {
        if (!pinned(p)) {
          return "npm install " + p + " without a version; use " + p + "@<version>";
        }
      }
    }
    return null;
  }

  static boolean pinned(String p) {
    if (p.startsWith("./")
        || p.startsWith("../")
        || p.startsWith("~/")
        || p.startsWith("/")
        || p.startsWith("$")
        || p.endsWith(".tar")
        || p.endsWith(".tar.gz")
        || p.endsWith(".tgz")) {
      return true;
    }
    if (p.startsWith("git") || p.contains("://") || p.startsWith("github:")) {
      return p.contains("#");
    }
    return p.indexOf('@', 1) > 0;
  }
}
