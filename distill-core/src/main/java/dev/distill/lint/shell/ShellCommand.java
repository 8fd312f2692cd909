package dev.distill.lint.shell;

import java.util.List;
import java.util.Map;

/**
 * One simple command of a shell script: leading variable assignments, the command name and its
 * arguments (quotes removed), and its index in the script (commands are numbered in source order).
 */
public record ShellCommand(
    Map<String, String> assignments, String name, List<String> args, int index) {

  public ShellCommand {
    assignments = Map.copyOf(assignments);
    args = List.copyOf(args);
  }

  /** The base name of the command: {@code /usr/bin/apt-get} gives {@code apt-get}. */
  public String baseName() {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  public boolean is(String command) {
    return baseName().equals(command);
  }

  /**
   * True if any argument equals one of these flags, including combined short flags ({@code -yq}).
   */
  public boolean hasFlag(String... flags) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      for (String f : flags) {
        if (a.equals(f) || (f.startsWith("--") && a.startsWith(f + "="))) {
          return true;
        }
        if (f.length() == 2
            && f.charAt(0) == '-'
            && f.charAt(1) != '-'
            && a.length() > 2
            && a.charAt(0) == '-'
            && a.charAt(1) != '-'
            && a.indexOf('=') < 0
            && a.indexOf(f.charAt(1), 1) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The value of an option given as {@code --opt=value}, {@code --opt value} or {@code -o value}.
   */
  public String optionValue(String... names) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      for (String n : names) {
        if (a.startsWith(n + "=")) {
          return a.substring(n.length() + 1);
        }
        if (a.equals(n) && i + 1 < args.size()) {
          return args.get(i + 1);
        }
      }
    }
    return null;
  }

  /**
   * The arguments that are not options: drops words starting with {@code -} and the values of the
   * given options that take an argument.
   */
  public List<String> positional(java.util.Set<String> optionsWithValue) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    boolean endOfOptions = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (endOfOptions) {
        out.add(a);
      } else if (a.equals("--")) {
        endOfOptions = true;
      } else if (a.startsWith("-") && a.length() > 1) {
        if (optionsWithValue.contains(a) && i + 1 < args.size()) {
          i++;
        }
      } else {
        out.add(a);
      }
    }
    return out;
  }

  /** True when the positional arguments start with this sub-command sequence (e.g. "install"). */
  public boolean hasSubcommand(java.util.Set<String> optionsWithValue, String... words) {
    List<String> pos = positional(optionsWithValue);
    if (pos.size() < words.length) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (!pos.get(i).equals(words[i])) {
        return false;
      }
    }
    return true;
  }
}
