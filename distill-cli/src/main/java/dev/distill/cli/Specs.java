package dev.distill.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds picocli command specs in code, for the commands every run or every commit meets ({@link
 * Main}, {@link SecretsCommand}). Why not annotations there: reading them makes a proxy class per
 * annotation type and walks every field and method by reflection, ~40 ms of a run's start on a
 * small VM, all of it before the work begins. Options built here keep their values in the spec
 * ({@link OptionSpec#getValue()}); the command reads them when it runs. The other commands keep
 * their annotations.
 */
final class Specs {
  private Specs() {}

  /** A spec for {@code command} with the usage text and exit codes the annotations would give. */
  static CommandSpec command(Object command, String name, String[] description, String... exits) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    spec.versionProvider(new Main.Version());
    spec.usageMessage().description(description).exitCodeListHeading("%nExit codes:%n");
    Map<String, String> codes = new LinkedHashMap<>();
    for (String exit : exits) {
      int colon = exit.indexOf(':');
      codes.put(exit.substring(0, colon), exit.substring(colon + 1));
    }
    spec.usageMessage().exitCodeList(codes);
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
    return spec;
  }

  /** A flag (false unless given). */
  static void flag(CommandSpec spec, String name, String description) {
    spec.addOption(
        OptionSpec.builder(name)
            .type(boolean.class)
            .arity("0")
            .initialValue(false)
            .description(description)
            .build());
  }

  /** An option with a value of {@code type}, null unless given. */
  static void option(
      CommandSpec spec, Class<?> type, String label, String description, String... names) {
    spec.addOption(
        OptionSpec.builder(names).type(type).paramLabel(label).description(description).build());
  }

  /** An option with a value of {@code type} and a default. */
  static void optionWithDefault(
      CommandSpec spec,
      Class<?> type,
      String label,
      String defaultValue,
      String description,
      String name) {
    spec.addOption(
        OptionSpec.builder(name)
            .type(type)
            .paramLabel(label)
            .defaultValue(defaultValue)
            .description(description)
            .build());
  }

  /** The value an option of {@code spec} was given, or its default. */
  @SuppressWarnings("unchecked")
  static <T> T value(CommandSpec spec, String name) {
    OptionSpec option = spec.findOption(name);
    if (option == null) {
      throw new IllegalArgumentException("no option " + name);
    }
    return (T) option.getValue();
  }
}
