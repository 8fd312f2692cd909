package dev.distill.cli;

import picocli.CommandLine.Option;

/** Options every sub-command takes. */
public final class CommonOptions {
  @Option(names = "--debug", description = "Show stack traces for errors.")
  boolean debug;

  @Option(names = "--quiet", description = "Print no progress.")
  boolean quiet;
}
