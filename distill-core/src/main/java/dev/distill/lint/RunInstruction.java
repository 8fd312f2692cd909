package dev.distill.lint;

import dev.distill.lint.shell.ShellScript;
import java.util.List;
import java.util.Map;

/**
 * A RUN (directly or as an ONBUILD trigger) with what rules need: its stage, the parsed shell
 * script and its {@code --mount} flags as key/value maps.
 *
 * @param instruction the top-level instruction (RUN or ONBUILD), whose line findings use
 * @param run the RUN itself
 */
public record RunInstruction(
    Instruction instruction,
    Instruction run,
    Stage stage,
    ShellScript script,
    boolean onbuild,
    List<Map<String, String>> mounts) {

  /** True if a cache or tmpfs mount covers this directory (exactly or a parent of it). */
  public boolean cacheMounted(String dir) {
    for (Map<String, String> m : mounts) {
      String type = m.getOrDefault("type", "bind");
      String target = m.getOrDefault("target", m.getOrDefault("dst", m.get("destination")));
      if ((type.equals("cache") || type.equals("tmpfs")) && target != null) {
        String t =
            target.endsWith("/") && target.length() > 1
                ? target.substring(0, target.length() - 1)
                : target;
        if (dir.equals(t) || dir.startsWith(t + "/")) {
          return true;
        }
      }
    }
    return false;
  }

  public int line() {
    return instruction.line();
  }
}
