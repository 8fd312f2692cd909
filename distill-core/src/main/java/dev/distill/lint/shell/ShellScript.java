package dev.distill.lint.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shell script split into simple commands. {@code hasPipes} tells whether any pipeline joins two
 * commands with {@code |}. Commands are indexed by base name since every rule asks by name.
 */
public final class ShellScript {
  private final List<ShellCommand> commands;
  private final boolean hasPipes;
  private final Map<String, List<ShellCommand>> byName = new HashMap<>();

  public ShellScript(List<ShellCommand> commands, boolean hasPipes) {
    this.commands = List.copyOf(commands);
    this.hasPipes = hasPipes;
    for (ShellCommand c : this.commands) {
      byName.computeIfAbsent(c.baseName(), k -> new ArrayList<>(2)).add(c);
    }
  }

  public List<ShellCommand> commands() {
    return commands;
  }

  public boolean hasPipes() {
    return hasPipes;
  }

  /** Commands with this base name, in order. */
  public List<ShellCommand> named(String name) {
    return byName.getOrDefault(name, List.of());
  }

  public boolean uses(String name) {
    return byName.containsKey(name);
  }
}
