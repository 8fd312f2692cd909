package dev.distill.cli;

import dev.distill.DistillException;
import dev.distill.assure.SmokeChecks;
import dev.distill.build.ImageBuilder;
import dev.distill.gate.CheckArtifacts;
import dev.distill.gate.CheckResult;
import dev.distill.gate.GateConfig;
import dev.distill.gate.GateConfigLoader;
import dev.distill.gate.GateOutcome;
import dev.distill.gate.GateStatus;
import dev.distill.gate.SecurityGate;
import dev.distill.image.ImageWriter;
import dev.distill.io.AtomicFiles;
import dev.distill.vuln.VulnDbStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distill check}: the whole security gate on a repository, one report, one exit code. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole security gate on a repository: one report, one exit code.",
      "In order: the secret scan of the repository and its git history; then for",
      "each service under images/: Dockerfile lint, build from the spec and lock,",
      "smoke checks in the local engine, image audit, vulnerability policy, SBOMs.",
      "Settings come from distill.yaml at the repository root; .gitleaks.toml,",
      ".gitleaksignore, .hadolint.yaml and .trivyignore are honoured. Artifacts",
      "(SARIF per tool and merged, HTML report, SBOMs, summary.json, image",
      "archives) land in one folder. Exits 1 naming every failed gate."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "Repository root (default: the current directory).")
  Path root = Path.of(".");

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Gate settings (default: DIR/distill.yaml when present).")
  Path config;

  @Option(
      names = {"-o", "--output-dir"},
      paramLabel = "DIR",
      description = "Where the artifacts go (default: the config's output, else DIR/out/check).")
  Path outputDir;

  @Option(
      names = "--service",
      paramLabel = "NAME",
      description = "Check only this service (repeatable; default: the config's, else all).")
  List<String> services;

  @Option(names = "--release", description = "bookworm or trixie (default: each spec's first).")
  String release;

  @Option(names = "--no-secrets", description = "Skip the secret scan (e.g. in a per-service job).")
  boolean noSecrets;

  @Option(names = "--no-history", description = "Scan the work tree only, not the git history.")
  boolean noHistory;

  @Option(names = "--no-smoke", description = "Do not run the images in the local engine.")
  boolean noSmoke;

  @Option(
      names = "--db",
      paramLabel = "DIR",
      description = "Vulnerability DB directory to use as is (default: the config's, else cache).")
  Path db;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text summary, or json (summary.json) on stdout (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin RepoOptions repo;
  @Mixin CommonOptions common;

  enum Format {
    text,
    json
  }

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(root)) {
      throw new DistillException("no such directory: " + root);
    }
    Path base = root.toAbsolutePath().normalize();
    GateConfig cfg =
        config != null ? GateConfigLoader.load(base, config) : GateConfigLoader.load(base);
    if (services != null) {
      cfg = cfg.withServices(services);
    }
    if (release != null) {
      if (!List.of("bookworm", "trixie").contains(release)) {
        throw new DistillException("--release must be bookworm or trixie, not '" + release + "'");
      }
      cfg = cfg.withRelease(Optional.of(release));
    }
    if (outputDir != null) {
      cfg = cfg.withOutput(outputDir.toAbsolutePath());
    }
    if (noSecrets || noHistory) {
      GateConfig.Secrets s = cfg.secrets();
      cfg =
          cfg.withSecrets(
              new GateConfig.Secrets(
                  s.enabled() && !noSecrets,
                  s.history() && !noHistory,
                  s.config(),
                  s.gitleaksIgnore(),
                  s.baseline()));
    }
    if (noSmoke) {
      cfg = cfg.withSmoke(false);
    }
    GateConfig.Vulnerabilities v = cfg.vulnerabilities();
    if (db != null || repo.offline) {
      cfg =
          cfg.withVulnerabilities(
              new GateConfig.Vulnerabilities(
                  v.enabled(),
                  db != null ? Optional.of(db) : v.db(),
                  v.offline() || repo.offline,
                  v.failOn(),
                  v.ignoreUnfixed(),
                  v.ignoreFile(),
                  v.vex()));
    }
    SecurityGate.services(cfg); // a service without a spec is bad input: fail before any work

    PrintWriter err = spec.commandLine().getErr();
    var progress = new ConsoleProgress(err, common.quiet);
    ImageBuilder builder = repo.imageBuilder(progress);
    ImageWriter writer = new ImageWriter(Main.registryCredentials(), progress);
    GateConfig.Vulnerabilities vulns = cfg.vulnerabilities();
    SecurityGate gate =
        new SecurityGate(
            builder,
            writer,
            cfg.smoke()
                ? Optional.of(new SmokeChecks("docker", Duration.ofSeconds(30), progress))
                : Optional.empty(),
            () -> {
              VulnDbStore store =
                  VulnDbs.open(vulns.db().orElse(null), vulns.offline(), clock, err);
              if (vulns.db().isEmpty()) {
                VulnDbs.warnIfOld(store, clock, 7, err);
              }
              return store.load(progress);
            },
            Main.version(),
            progress,
            clock);

    final GateConfig run = cfg;
    CheckResult[] result = new CheckResult[1];
    String title = "distill check: " + base.getFileName();
    AtomicFiles.writeDirectory(
        cfg.output(),
        dir -> {
          result[0] = gate.run(run, dir);
          CheckArtifacts.write(result[0], title, dir);
        },
        CheckCommand::replaceable);

    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.print(Files.readString(cfg.output().resolve(CheckArtifacts.SUMMARY)));
    } else {
      printSummary(out, result[0], displayPath(cfg.output()));
    }
    out.flush();
    return result[0].passed() ? Main.CLEAN : Main.FINDINGS;
  }

  /** An earlier check's folder (or an empty one) may be replaced; anything else is kept. */
  private static boolean replaceable(Path dir) {
    if (Files.isRegularFile(dir.resolve(CheckArtifacts.SUMMARY))) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static String displayPath(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  /** One screen: every gate's verdict, then what failed and where the artifacts are. */
  static void printSummary(PrintWriter out, CheckResult result, String output) {
    List<GateOutcome> all = result.outcomes();
    List<GateOutcome> failed = result.failures();
    boolean colour = Ansi.enabled();
    out.printf(
        "distill check: %s — %d of %d gates failed (%.0f s)%n",
        result.passed() ? "PASSED" : "FAILED",
        failed.size(),
        all.size(),
        result.took().toMillis() / 1000.0);
    for (GateOutcome o : all) {
      String status = String.format("%-7s", o.status());
      if (colour && o.status() == GateStatus.FAILED) {
        status = "\u001b[1;31m" + status + "\u001b[0m";
      } else if (colour && o.status() == GateStatus.PASSED) {
        status = "\u001b[32m" + status + "\u001b[0m";
      }
      out.printf("  %s %-16s %-11s %s%n", status, o.gate(), o.scope(), o.summary());
    }
    if (!failed.isEmpty()) {
      out.println("Failed gates:");
      for (GateOutcome o : failed) {
        out.printf("  %s (%s): %s%n", o.gate(), o.scope(), o.summary());
        int shown = 0;
        for (String d : o.details()) {
          if (shown++ == 4) {
            out.printf("      … %d more in summary.json%n", o.details().size() - 4);
            break;
          }
          out.println("      " + d);
        }
      }
    }
    out.printf(
        "Artifacts in %s: distill.sarif (and one SARIF per tool), report.html, summary.json,"
            + " sbom/, images/%n",
        output);
  }
}
