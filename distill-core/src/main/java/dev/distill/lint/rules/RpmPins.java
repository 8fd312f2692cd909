package dev.distill.lint.rules;

import dev.distill.lint.LintContext;
import dev.distill.lint.Regex;
import dev.distill.lint.RunInstruction;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/** Version pin checks shared by yum and dnf: name-version, or name:stream for modules. */
final class RpmPins {
  private RpmPins() {}

  /** The first package of an install without a version, or null. */
  static String unpinned(
      LintContext ctx, RunInstruction run, ShellCommand c, Set<String> optionsWithValue) {
    List<String> pos = c.positional(optionsWithValue);
    if (pos.isEmpty()) {
      return null;
    }
    boolean module = false;
    List<String> pkgs;
    if (pos.get(0).equals("install") || pos.get(0).equals("in")) {
      pkgs = pos.subList(1, pos.size());
    } else if (pos.size() > 1 && pos.get(0).equals("module") && pos.get(1).equals("install")) {
      module = true;
      pkgs = pos.subList(2, pos.size());
    } else {
      return null;
    }
    for (String raw : pkgs) {
      String p = ctx.expand(run.stage(), raw);
      boolean pinned =
          module
              ? p.contains(":")
              : Regex.matches(".+-\\d.*", p) || p.endsWith(".rpm") || p.startsWith("/");
      if (!pinned) {
        return raw;
      }
    }
    return null;
  }
}
