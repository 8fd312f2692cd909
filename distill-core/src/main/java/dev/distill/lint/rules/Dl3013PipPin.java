package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/** DL3013: pin versions in pip install (and pipx install). */
public final class Dl3013PipPin extends RunRule {
  static final Set<String> OPTIONS_WITH_VALUE =
      Set.of(
          "-c",
          "--constraint",
          "-e",
          "--editable",
          "-i",
          "--index-url",
          "--extra-index-url",
          "-f",
          "--find-links",
          "--trusted-host",
          "--build",
          "-b",
          "--prefix",
          "--root",
          "-t",
          "--target",
          "--src",
          "--python",
          "--root-user-action",
          "--platform",
          "--python-version",
          "--implementation",
          "--abi",
          "--log",
          "--cache-dir",
          "--progress-bar",
          "--upgrade-strategy",
          "--global-option",
          "--install-option",
          "--no-binary",
          "--only-binary",
          "--proxy",
          "--retries",
          "--timeout",
          "--exists-action",
          "--cert",
          "--client-cert",
          "--suffix",
          "--pip-args");

  public Dl3013PipPin() {
    super("DL3013", Severity.WARNING, "Pin versions in pip install (package==version).");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    for (ShellCommand c : run.script().commands()) {
      boolean pipx = c.is("pipx");
      if (!(pipx || Commands.isPip(c))) {
        continue;
      }
      ShellCommand p = new ShellCommand(c.assignments(), c.name(), Commands.pipArgs(c), c.index());
      if (!p.hasSubcommand(OPTIONS_WITH_VALUE, "install")) {
        continue;
      }
      if (p.hasFlag("-r", "--requirement", "-c", "--constraint")) {
        continue;
      }
      List<String> pkgs = Commands.afterSubcommand(p, OPTIONS_WITH_VALUE);
      for (String pkg : pkgs) {
        if (!pinned(pkg)) {
          return "pip install " + pkg + " without a version; use " + pkg + "==<version>";
        }
      }
    }
    return null;
  }

  static boolean pinned(String pkg) {
    if (pkg.startsWith("git+")
        || pkg.startsWith("hg+")
        || pkg.startsWith("svn+")
        || pkg.startsWith("bzr+")) {
      String path = pkg.substring(pkg.lastIndexOf('/') + 1);
      return path.contains("@");
    }
    if (pkg.contains("://")
        || pkg.contains("/")
        || pkg.endsWith(".whl")
        || pkg.endsWith(".tar.gz")
        || pkg.endsWith(".zip")
        || pkg.startsWith(".")
        || pkg.startsWith("$")) {
      return true;
    }
    return Regex.matches(".*(==|>=|<=|~=|!=|<|>|@).*", pkg);
  }
}
