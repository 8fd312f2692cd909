package dev.distill.cli;

import dev.distill.DistillException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code distill} command: sub-commands for building, resolving and scanning images. */
@Command(
    name = "distill",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Builds small, non-root, shell-less, reproducible OCI images from Debian packages,",
      "and guards them with one security gate."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      ResolveCommand.class,
      FetchCommand.class,
      LockCommand.class,
      BuildCommand.class,
      InspectCommand.class,
      ScanCommand.class,
      SbomCommand.class,
      LintCommand.class,
      SecretsCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean",
      "1:findings over the policy threshold",
      "2:bad usage or bad input",
      "3:internal error"
    })
public final class Main implements Runnable {
  public static final int CLEAN = 0;
  public static final int FINDINGS = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(Main::exitCodeFor);
    cli.setExecutionExceptionHandler(Main::handleExecutionException);
    cli.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
    }
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command");
  }

  private static int exitCodeFor(Throwable t) {
    if (t instanceof DistillException || t instanceof CommandLine.ParameterException) {
      return BAD_INPUT;
    }
    return INTERNAL;
  }

  private static int handleExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    boolean debug = parsed.expandedArgs().contains("--debug");
    Throwable cause = e;
    if (cause instanceof UncheckedIOException u && u.getCause() != null) {
      cause = u.getCause();
    }
    if (cause instanceof DistillException) {
      err.println("error: " + cause.getMessage());
      if (debug) {
        cause.printStackTrace(err);
      }
      err.flush();
      return BAD_INPUT;
    }
    if (cause instanceof IOException) {
      err.println("error: " + cause);
      if (debug) {
        cause.printStackTrace(err);
      }
      err.flush();
      return BAD_INPUT;
    }
    err.println("internal error: " + cause + " (run again with --debug for details)");
    if (debug) {
      cause.printStackTrace(err);
    }
    err.flush();
    return INTERNAL;
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"distill " + p.getProperty("version", "unknown")};
    }
  }
}
