package dev.distill.gate;

import dev.distill.findings.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code distill check} runs, read from {@code distill.yaml} at the repository root. Every
 * field has a default, so a repository without the file gets the whole gate: secrets in the tree
 * and its history, then for each service under {@code images/} lint, build, smoke checks, audit,
 * vulnerability policy and SBOMs. Paths are relative to the repository root.
 */
public record GateConfig(
    Path root,
    String imagesDir,
    List<String> services,
    Optional<String> release,
    Path output,
    Secrets secrets,
    Lint lint,
    boolean smoke,
    Audit audit,
    Vulnerabilities vulnerabilities,
    boolean sbom) {

  public GateConfig {
    Objects.requireNonNull(root, "root");
    services = List.copyOf(services);
    Objects.requireNonNull(release, "release");
  }

  /** The secret scan: gitleaks' config files by default, the whole history when a git repo. */
  public record Secrets(
      boolean enabled,
      boolean history,
      Optional<Path> config,
      Optional<Path> gitleaksIgnore,
      Optional<Path> baseline) {}

  /** Dockerfile lint with hadolint's config file and failure threshold. */
  public record Lint(boolean enabled, Optional<Path> config) {}

  /** The image audit fails on a finding at or above {@code failOn}. */
  public record Audit(boolean enabled, Severity failOn) {}

  /** The vulnerability policy, as {@code distill scan} takes it. */
  public record Vulnerabilities(
      boolean enabled,
      Optional<Path> db,
      boolean offline,
      Severity failOn,
      boolean ignoreUnfixed,
      Optional<Path> ignoreFile,
      List<Path> vex) {
    public Vulnerabilities {
      vex = List.copyOf(vex);
    }
  }

  /** The defaults for a repository at {@code root}: the peers' files where they exist. */
  public static GateConfig defaults(Path root) {
    return new GateConfig(
        root,
        "images",
        List.of(),
        Optional.empty(),
        root.resolve("out/check"),
        new Secrets(
            true,
            true,
            existing(root, ".gitleaks.toml"),
            existing(root, ".gitleaksignore"),
            Optional.empty()),
        new Lint(true, existing(root, ".hadolint.yaml")),
        true,
        new Audit(true, Severity.LOW),
        new Vulnerabilities(
            true,
            Optional.empty(),
            false,
            Severity.HIGH,
            false,
            existing(root, ".trivyignore"),
            List.of()),
        true);
  }

  private static Optional<Path> existing(Path root, String name) {
    Path p = root.resolve(name);
    return java.nio.file.Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  public GateConfig withServices(List<String> s) {
    return new GateConfig(
        root, imagesDir, s, release, output, secrets, lint, smoke, audit, vulnerabilities, sbom);
  }

  public GateConfig withRelease(Optional<String> r) {
    return new GateConfig(
        root, imagesDir, services, r, output, secrets, lint, smoke, audit, vulnerabilities, sbom);
  }

  public GateConfig withOutput(Path o) {
    return new GateConfig(
        root, imagesDir, services, release, o, secrets, lint, smoke, audit, vulnerabilities, sbom);
  }

  public GateConfig withSecrets(Secrets s) {
    return new GateConfig(
        root, imagesDir, services, release, output, s, lint, smoke, audit, vulnerabilities, sbom);
  }

  public GateConfig withSmoke(boolean on) {
    return new GateConfig(
        root,
        imagesDir,
        services,
        release,
        output,
        secrets,
        lint,
        on,
        audit,
        vulnerabilities,
        sbom);
  }

  public GateConfig withVulnerabilities(Vulnerabilities v) {
    return new GateConfig(
        root, imagesDir, services, release, output, secrets, lint, smoke, audit, v, sbom);
  }
}
