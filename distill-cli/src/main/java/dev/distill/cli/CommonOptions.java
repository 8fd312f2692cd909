package dev.distill.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options every sub-command takes. */
public final class CommonOptions {
  private static final String DEBUG = "Show stack traces for errors.";
  private static final String QUIET = "Print no progress.";

  @Option(names = "--debug", description = DEBUG)
  boolean debug;

  @Option(names = "--quiet", description = QUIET)
  boolean quiet;

  /** Adds these options to a spec built in code ({@link Specs}), with the same text. */
  static void addTo(CommandSpec spec) {
    Specs.flag(spec, "--debug", DEBUG);
    Specs.flag(spec, "--quiet", QUIET);
  }

  /** These options' values as {@code spec} (built by {@link #addTo}) was given them. */
  static CommonOptions readFrom(CommandSpec spec) {
    CommonOptions o = new CommonOptions();
    o.debug = Specs.value(spec, "--debug");
    o.quiet = Specs.value(spec, "--quiet");
    return o;
  }
}
