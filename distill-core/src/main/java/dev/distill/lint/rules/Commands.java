package dev.distill.lint.rules;

import dev.distill.lint.Regex;
import dev.distill.lint.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/** Shared knowledge about package managers' command lines. */
final class Commands {
  private Commands() {}

  static final Set<String> APT_OPTIONS_WITH_VALUE =
      Set.of(
          "-t",
          "--target-release",
          "-o",
          "--option",
          "-c",
          "--config-file",
          "-a",
          "--host-architecture");
  static final Set<String> YUM_OPTIONS_WITH_VALUE =
      Set.of(
          "-c",
          "--config",
          "-d",
          "--debuglevel",
          "-e",
          "--errorlevel",
          "-x",
          "--exclude",
          "--installroot",
          "--releasever",
          "--enablerepo",
          "--disablerepo",
          "--setopt",
          "--repo",
          "--repoid",
          "--color",
          "--rpmverbosity",
          "-R",
          "--randomwait");

  /** Positional args after the first sub-command word. */
  static List<String> afterSubcommand(ShellCommand c, Set<String> optionsWithValue) {
    List<String> pos = c.positional(optionsWithValue);
    return pos.isEmpty() ? pos : pos.subList(1, pos.size());
  }

  static boolean subcommandIn(ShellCommand c, Set<String> optionsWithValue, Set<String> subs) {
    List<String> pos = c.positional(optionsWithValue);
    return !pos.isEmpty() && subs.contains(pos.get(0));
  }

  static boolean isPip(ShellCommand c) {
    String n = c.baseName();
    if (!n.startsWith("pip") && !n.startsWith("python")) {
      return false;
    }
    if (n.equals("pip") || Regex.matches("pip[23](\\.\\d+)?", n)) {
      return true;
    }
    return Regex.matches("python[23]?(\\.\\d+)?", n)
        && c.args().size() >= 2
        && c.args().get(0).equals("-m")
        && Regex.matches("pip[23]?", c.args().get(1));
  }

  /** pip's args with {@code python -m pip} stripped to look like a pip command. */
  static List<String> pipArgs(ShellCommand c) {
    if (c.baseName().startsWith("python")) {
      return c.args().subList(2, c.args().size());
    }
    return c.args();
  }

  /** True if a later command removes one of these directories (rm -rf /var/cache/yum…). */
  static boolean removesLater(List<ShellCommand> cmds, int after, String... dirs) {
    for (ShellCommand c : cmds) {
      if (c.index() > after && c.is("rm")) {
        for (String a : c.args()) {
          for (String d : dirs) {
            if (a.startsWith(d)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
