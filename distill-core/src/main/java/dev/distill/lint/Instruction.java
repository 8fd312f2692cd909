package dev.distill.lint;

import java.util.List;
import java.util.Optional;

/**
 * One Dockerfile instruction after continuation lines are joined.
 *
 * @param keyword upper-case instruction name (FROM, RUN, ONBUILD…)
 * @param line 1-based line where the instruction starts
 * @param endLine last line of the instruction (including heredoc bodies)
 * @param flags the {@code --name=value} flags before the arguments
 * @param arguments the argument text after the flags, continuation lines joined
 * @param json the arguments in JSON (exec) form, or {@code null} for shell form
 * @param heredocs here-documents, in order of their markers
 * @param trigger for ONBUILD, the instruction it triggers; {@code null} otherwise
 */
public record Instruction(
    String keyword,
    int line,
    int endLine,
    List<Flag> flags,
    String arguments,
    List<String> json,
    List<Heredoc> heredocs,
    Instruction trigger) {

  public Instruction {
    flags = List.copyOf(flags);
    json = json == null ? null : List.copyOf(json);
    heredocs = List.copyOf(heredocs);
  }

  public boolean is(String name) {
    return keyword.equals(name);
  }

  public boolean isJsonForm() {
    return json != null;
  }

  /** The value of the first flag with this name (without dashes), if present. */
  public Optional<String> flag(String name) {
    for (Flag f : flags) {
      if (f.name().equals(name)) {
        return Optional.of(f.value());
      }
    }
    return Optional.empty();
  }

  /** All values of flags with this name, in order (e.g. several {@code --mount}). */
  public List<String> flagValues(String name) {
    return flags.stream().filter(f -> f.name().equals(name)).map(Flag::value).toList();
  }

  /**
   * The instruction that matters for rules: the trigger of an ONBUILD, or this one. Rules about RUN
   * apply to {@code ONBUILD RUN} too, as hadolint does.
   */
  public Instruction effective() {
    return trigger != null ? trigger : this;
  }
}
