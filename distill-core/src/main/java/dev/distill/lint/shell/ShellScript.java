package dev.distill.lint.shell;

import java.util.List;

/**
 * A shell script split into simple commands. {@code hasPipes} tells whether any pipeline joins two
 * commands with {@code |}.
 */
public record ShellScript(List<ShellCommand> commands, boolean hasPipes) {
  public ShellScript {
    commands = List.copyOf(commands);
  }

  public List<ShellCommand> named(String name) {
    return commands.stream().filter(c -> c.is(name)).toList();
  }

  public boolean uses(String name) {
    return commands.stream().anyMatch(c -> c.is(name));
  }
}
