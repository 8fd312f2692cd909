package dev.distill.gate;

import dev.distill.DistillException;
import dev.distill.assure.ScanTarget;
import dev.distill.assure.SmokeChecks;
import dev.distill.build.ImageBuilder;
import dev.distill.image.ImageWriter;
import dev.distill.image.ReadImage;
import dev.distill.image.registry.Credentials;
import dev.distill.pkgdb.PackageInventory;
import dev.distill.progress.ProgressListener;
import dev.distill.report.HtmlReport;
import dev.distill.report.Report;
import dev.distill.spec.ImageSpec;
import dev.distill.spec.LockFile;
import dev.distill.spec.SpecLoader;
import dev.distill.vuln.VulnDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code distill check}: the whole gate in one run. First the secret scan of the repository and its
 * history; then for each service under the images directory, in order: Dockerfile lint, build from
 * the spec and lock, smoke checks in the local engine, image audit, vulnerability policy, SBOMs.
 * Every gate runs even when an earlier one failed, except those that need the image when the build
 * failed, so one run names every failure. Built images are written under {@code artifacts/images}.
 */
public final class SecurityGate {
  private final SecretsStep secrets;
  private final LintStep lint;
  private final BuildStep build;
  private final SmokeStep smoke;
  private final AuditStep audit;
  private final VulnerabilityStep vulnerabilities;
  private final SbomStep sbom;
  private final ProgressListener progress;
  private final Clock clock;
  private final String toolVersion;

  /**
   * @param smokeChecks empty when no container engine is to be used
   * @param database loaded on first use (a failed build needs no DB)
   */
  public SecurityGate(
      ImageBuilder builder,
      ImageWriter writer,
      Optional<SmokeChecks> smokeChecks,
      Supplier<VulnDatabase> database,
      String toolVersion,
      ProgressListener progress,
      Clock clock) {
    this.secrets = new SecretsStep(toolVersion, progress);
    this.lint = new LintStep(toolVersion, progress);
    this.build = new BuildStep(builder, writer);
    this.smoke = new SmokeStep(writer, smokeChecks, toolVersion);
    this.audit = new AuditStep(toolVersion);
    this.vulnerabilities =
        new VulnerabilityStep(
            dev.distill.Lazy.of(database),
            toolVersion,
            LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    this.sbom = new SbomStep(toolVersion);
    this.progress = progress;
    this.clock = clock;
    this.toolVersion = toolVersion;
  }

  /** The services the gate covers: those named in the config, else every runnable image spec. */
  public static List<String> services(GateConfig config) {
    Path images = config.root().resolve(config.imagesDir());
    if (!config.services().isEmpty()) {
      for (String s : config.services()) {
        if (!Files.isRegularFile(images.resolve(s).resolve(SpecLoader.FILE_NAME))) {
          throw new DistillException(
              "service '"
                  + s
                  + "' has no image spec: expected "
                  + images.resolve(s).resolve(SpecLoader.FILE_NAME));
        }
      }
      return config.services();
    }
    if (!Files.isDirectory(images)) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(images)) {
      for (Path dir : dirs.sorted().toList()) {
        // A service runs something; the distroless bases (no entrypoint) are built by services.
        if (Files.isRegularFile(dir.resolve(SpecLoader.FILE_NAME))
            && !SpecLoader.load(dir).entrypoint().isEmpty()) {
          found.add(dir.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw new DistillException("cannot list " + images + ": " + e.getMessage(), e);
    }
    return found;
  }

  /** Runs every gate; built images go under {@code artifacts}. Never throws for a failed gate. */
  public CheckResult run(GateConfig config, Path artifacts) {
    Instant started = clock.instant();
    List<String> services = services(config);
    // Specs are read up front: a broken spec is bad input (exit 2), not a failed gate.
    Map<String, ImageSpec> specs = new HashMap<>();
    for (String s : services) {
      specs.put(s, SpecLoader.load(config.root().resolve(config.imagesDir()).resolve(s)));
    }
    List<GateOutcome> repo = new ArrayList<>();
    StepResult secretResult = announce(secrets.run(config));
    repo.add(secretResult.outcome());

    List<ServiceCheck> checks = new ArrayList<>();
    for (String service : services) {
      checks.add(runService(config, service, specs.get(service), artifacts));
    }
    return new CheckResult(
        started,
        Duration.between(started, clock.instant()),
        toolVersion,
        repo,
        secretResult.report(),
        checks);
  }

  private ServiceCheck runService(
      GateConfig config, String service, ImageSpec spec, Path artifacts) {
    Path dir = config.root().resolve(config.imagesDir()).resolve(service);
    String release = config.release().orElse(spec.defaultRelease());
    if (!spec.releases().contains(release)) {
      release = spec.defaultRelease();
      progress.note(service + " does not list " + config.release().get() + "; checking " + release);
    }
    String specPath =
        config.root().relativize(dir.resolve(SpecLoader.FILE_NAME)).toString().replace('\\', '/');
    List<GateOutcome> outcomes = new ArrayList<>();
    List<Report> reports = new ArrayList<>();

    collect(announce(lint.run(config, service, dir)), outcomes, reports);
    BuildStep.Outcome built = build.run(spec, release, dir, artifacts);
    collect(announce(built.step()), outcomes, reports);
    if (built.built().isEmpty()) {
      for (String gate :
          List.of(SmokeStep.GATE, AuditStep.GATE, VulnerabilityStep.GATE, SbomStep.GATE)) {
        outcomes.add(announce(GateOutcome.skipped(gate, service, "the build failed")));
      }
      return new ServiceCheck(
          service,
          release,
          Optional.empty(),
          Optional.empty(),
          outcomes,
          reports,
          Map.of(),
          Map.of());
    }
    BuildStep.Built b = built.built().get();
    collect(announce(smoke.run(config, spec, b, specPath)), outcomes, reports);
    // The audit and the scan read the written archive, as any scanner would read the image.
    ReadImage read = ScanTarget.readImage(b.archive().toString(), Credentials.ANONYMOUS);
    // Named as it lands in the artifact folder, not by the temporary folder it is written in.
    String archiveName = artifacts.relativize(b.archive()).toString().replace('\\', '/');
    ScanTarget target =
        ScanTarget.fromImage(
            new ReadImage(
                archiveName,
                read.manifestDigest(),
                read.config(),
                read.layers(),
                read.files(),
                read.rootFs()));
    collect(announce(audit.run(config, service, target, specPath)), outcomes, reports);
    String lockPath = config.root().relativize(LockFile.pathFor(dir)).toString().replace('\\', '/');
    // The packages the image records, read once for the scan and the report.
    PackageInventory inventory = target.packages().inventory(false);
    VulnerabilityStep.Outcome vulns = vulnerabilities.run(config, service, inventory, lockPath);
    collect(announce(vulns.step()), outcomes, reports);
    SbomStep.Outcome sboms = sbom.run(config, service, release, b);
    collect(announce(sboms.step()), outcomes, reports);

    HtmlReport.ImageSummary image =
        new HtmlReport.ImageSummary(
            b.tag(),
            target.fileBytes(),
            target.compressedBytes(),
            java.util.OptionalLong.empty(),
            target.fileCount(),
            inventory.packages().stream()
                .map(p -> new HtmlReport.PackageRow(p.name(), p.version(), p.sourceName()))
                .toList());
    return new ServiceCheck(
        service,
        release,
        Optional.of(b.result().images().digest().toString()),
        Optional.of(image),
        outcomes,
        reports,
        sboms.files(),
        vulns.bySeverity());
  }

  private static void collect(StepResult r, List<GateOutcome> outcomes, List<Report> reports) {
    outcomes.add(r.outcome());
    r.report().ifPresent(reports::add);
  }

  private StepResult announce(StepResult r) {
    announce(r.outcome());
    return r;
  }

  private GateOutcome announce(GateOutcome o) {
    progress.note(o.gate() + " (" + o.scope() + "): " + o.status() + " — " + o.summary());
    return o;
  }
}
