package dev.distill.cli;

import dev.distill.DistillException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The {@code distill} command: sub-commands for building, resolving and scanning images. Its spec
 * is built in code rather than from annotations (see {@link Specs}).
 */
public final class Main implements Runnable {
  public static final int CLEAN = 0;
  public static final int FINDINGS = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL = 3;

  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * The sub-commands in the order help lists them. They are registered here rather than in the
   * annotation so a run can set up only the one it uses: picocli reads every option of every
   * command it is given, a third of a short run's time.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("help", CommandLine.HelpCommand::new);
    all.put("resolve", ResolveCommand::new);
    all.put("fetch", FetchCommand::new);
    all.put("lock", LockCommand::new);
    all.put("build", BuildCommand::new);
    all.put("inspect", InspectCommand::new);
    all.put("scan", ScanCommand::new);
    all.put("sbom", SbomCommand::new);
    all.put("lint", LintCommand::new);
    all.put("secrets", SecretsCommand::commandSpec);
    all.put("check", CheckCommand::new);
    return Collections.unmodifiableMap(all);
  }

  /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return newCommandLine(args).execute(args);
  }

  /** The CLI with every sub-command. */
  static CommandLine newCommandLine() {
    return newCommandLine(new String[0]);
  }

  /**
   * The CLI for {@code args}: when they name a sub-command (other than help) only that one is set
   * up; otherwise all are, for help, usage and "did you mean" messages.
   */
  static CommandLine newCommandLine(String[] args) {
    String first = args.length > 0 ? args[0] : "";
    boolean one = SUBCOMMANDS.containsKey(first) && !first.equals("help");
    Main main = new Main();
    main.spec =
        Specs.command(
            main,
            "distill",
            new String[] {
              "Builds small, non-root, shell-less, reproducible OCI images from Debian packages,",
              "and guards them with one security gate."
            },
            "0:clean",
            "1:findings over the policy threshold",
            "2:bad usage or bad input",
            "3:internal error");
    CommandLine cli = new CommandLine(main.spec);
    SUBCOMMANDS.forEach(
        (name, make) -> {
          if (!one || name.equals(first)) {
            cli.addSubcommand(name, make.get());
          }
        });
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
      err.println("error: " + describe((IOException) cause));
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

  /** distill's own version, as tools record it in reports and SBOMs (e.g. {@code 0.1.0}). */
  static String version() {
    try {
      return new Version().getVersion()[0].replaceFirst("^distill ", "");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Registry credentials from DISTILL_REGISTRY_USERNAME/_PASSWORD, else anonymous. */
  static dev.distill.image.registry.Credentials registryCredentials() {
    return dev.distill.image.registry.Credentials.fromEnvironment(System.getenv())
        .orElse(dev.distill.image.registry.Credentials.ANONYMOUS);
  }

  /** An I/O failure as a sentence: what failed and on which path. */
  static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return "no such file or directory: " + n.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return f.getFile() + ": " + (f.getReason() == null ? "file system error" : f.getReason());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
