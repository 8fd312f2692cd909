package dev.distill.lint.rules;

import dev.distill.findings.Severity;
import dev.distill.lint.LintContext;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.Locale;
import java.util.Set;

/** DL3042: pip install --no-cache-dir keeps pip's cache out of the layer. */
public final class Dl3042PipNoCache extends RunRule {
  private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

  public Dl3042PipNoCache() {
    super("DL3042", Severity.WARNING, "Avoid the pip cache: use pip install --no-cache-dir.");
  }

  @Override
  String violation(LintContext ctx, RunInstruction run) {
    if (run.cacheMounted("/root/.cache/pip")) {
      return null;
    }
    String env = ctx.envValue(run.stage(), "PIP_NO_CACHE_DIR");
    Boolean exported = env == null ? null : TRUE.contains(env.toLowerCase(Locale.ROOT));
    for (ShellCommand c : run.script().commands()) {
      if (c.is("export")) {
        for (String a : c.args()) {
          if (a.startsWith("PIP_NO_CACHE_DIR=")) {
            exported = TRUE.contains(a.substring(17).toLowerCase(Locale.ROOT));
          }
        }
        continue;
      }
      if (!Commands.isPip(c)) {
        continue;
      }
      ShellCommand p = new ShellCommand(c.assignments(), c.name(), Commands.pipArgs(c), c.index());
      if (!p.hasSubcommand(Dl3013PipPin.OPTIONS_WITH_VALUE, "install")
          || p.hasFlag("--no-cache-dir")) {
        continue;
      }
      String local = c.assignments().get("PIP_NO_CACHE_DIR");
      Boolean off =
          local != null ? Boolean.valueOf(TRUE.contains(local.toLowerCase(Locale.ROOT))) : exported;
      if (off == null || !off) {
        return "pip install without --no-cache-dir keeps downloaded packages in the layer";
      }
    }
    return null;
  }
}
