package dev.distill.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distill.DistillException;
import dev.distill.findings.Severity;
import dev.distill.spec.LocatedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the gate's {@code distill.yaml} at a repository root. Unknown fields and wrong types are
 * errors naming the file, line and field, so a typo never silently turns a gate off.
 */
public final class GateConfigLoader {
  public static final String FILE_NAME = "distill.yaml";

  private static final Set<String> TOP =
      Set.of(
          "images",
          "services",
          "release",
          "output",
          "secrets",
          "lint",
          "smoke",
          "audit",
          "vulnerabilities",
          "sbom");
  private static final Set<String> SECRETS =
      Set.of("enabled", "history", "config", "gitleaksignore", "baseline");
  private static final Set<String> LINT = Set.of("enabled", "config");
  private static final Set<String> AUDIT = Set.of("enabled", "fail-on");
  private static final Set<String> VULNS =
      Set.of("enabled", "db", "offline", "fail-on", "ignore-unfixed", "ignorefile", "vex");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private GateConfigLoader() {}

  /** The config for the repository at {@code root}: its {@code distill.yaml}, else defaults. */
  public static GateConfig load(Path root) {
    Path file = root.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return GateConfig.defaults(root);
    }
    return load(root, file);
  }

  /** Reads {@code file} over the defaults for {@code root}. */
  public static GateConfig load(Path root, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DistillException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, root, file.toString());
  }

  /** Parses config text; {@code source} names it in errors. */
  public static GateConfig parse(String text, Path root, String source) {
    GateConfig d = GateConfig.defaults(root);
    if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
      return d;
    }
    LocatedYaml y = LocatedYaml.parse(text, source);
    if (!y.root().isObject()) {
      throw y.error("", "the gate config must be a mapping of fields");
    }
    onlyFields(y, "", TOP);
    String images = text(y, "/images").orElse(d.imagesDir());
    List<String> services = strings(y, "/services");
    for (int i = 0; i < services.size(); i++) {
      if (!NAME.matcher(services.get(i)).matches()) {
        throw y.error("/services/" + i, "'" + services.get(i) + "' is not an image directory name");
      }
    }
    Optional<String> release = text(y, "/release");
    if (release.isPresent() && !Set.of("bookworm", "trixie").contains(release.get())) {
      throw y.error("/release", "unknown release '" + release.get() + "'; use bookworm or trixie");
    }
    Path output = text(y, "/output").map(root::resolve).orElse(d.output());

    onlyFields(y, "/secrets", SECRETS);
    GateConfig.Secrets s = d.secrets();
    GateConfig.Secrets secrets =
        new GateConfig.Secrets(
            bool(y, "/secrets/enabled", s.enabled()),
            bool(y, "/secrets/history", s.history()),
            path(y, root, "/secrets/config").or(s::config),
            path(y, root, "/secrets/gitleaksignore").or(s::gitleaksIgnore),
            path(y, root, "/secrets/baseline").or(s::baseline));

    onlyFields(y, "/lint", LINT);
    GateConfig.Lint lint =
        new GateConfig.Lint(
            bool(y, "/lint/enabled", d.lint().enabled()),
            path(y, root, "/lint/config").or(() -> d.lint().config()));

    onlyFields(y, "/audit", AUDIT);
    GateConfig.Audit audit =
        new GateConfig.Audit(
            bool(y, "/audit/enabled", d.audit().enabled()),
            severity(y, "/audit/fail-on").orElse(d.audit().failOn()));

    onlyFields(y, "/vulnerabilities", VULNS);
    GateConfig.Vulnerabilities v = d.vulnerabilities();
    List<Path> vex = new ArrayList<>();
    for (String p : strings(y, "/vulnerabilities/vex")) {
      vex.add(root.resolve(p));
    }
    GateConfig.Vulnerabilities vulns =
        new GateConfig.Vulnerabilities(
            bool(y, "/vulnerabilities/enabled", v.enabled()),
            path(y, root, "/vulnerabilities/db").or(v::db),
            bool(y, "/vulnerabilities/offline", v.offline()),
            severity(y, "/vulnerabilities/fail-on").orElse(v.failOn()),
            bool(y, "/vulnerabilities/ignore-unfixed", v.ignoreUnfixed()),
            path(y, root, "/vulnerabilities/ignorefile").or(v::ignoreFile),
            vex);

    return new GateConfig(
        root,
        images,
        services,
        release,
        output,
        secrets,
        lint,
        bool(y, "/smoke", d.smoke()),
        audit,
        vulns,
        bool(y, "/sbom", d.sbom()));
  }

  private static void onlyFields(LocatedYaml y, String pointer, Set<String> allowed) {
    JsonNode n = pointer.isEmpty() ? y.root() : y.root().at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return;
    }
    if (!n.isObject()) {
      throw y.error(pointer, "must be a mapping with fields " + new TreeSet<>(allowed));
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw y.error(
            pointer + "/" + f, "unknown field; known fields are " + new TreeSet<>(allowed));
      }
    }
  }

  private static Optional<String> text(LocatedYaml y, String pointer) {
    JsonNode n = y.root().at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw y.error(pointer, "must be a non-empty string");
    }
    return Optional.of(n.asText());
  }

  private static Optional<Path> path(LocatedYaml y, Path root, String pointer) {
    return text(y, pointer).map(root::resolve);
  }

  private static boolean bool(LocatedYaml y, String pointer, boolean fallback) {
    JsonNode n = y.root().at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return fallback;
    }
    if (!n.isBoolean()) {
      throw y.error(pointer, "must be true or false");
    }
    return n.asBoolean();
  }

  private static List<String> strings(LocatedYaml y, String pointer) {
    JsonNode n = y.root().at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw y.error(pointer, "must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) {
        throw y.error(pointer + "/" + i, "must be a string");
      }
      out.add(n.get(i).asText());
    }
    return out;
  }

  private static Optional<Severity> severity(LocatedYaml y, String pointer) {
    Optional<String> t = text(y, pointer);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      Severity s = Severity.parse(t.get());
      if (s.compareTo(Severity.LOW) >= 0 && s != Severity.WARNING && s != Severity.ERROR) {
        return Optional.of(s);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw y.error(pointer, "'" + t.get() + "' is not one of LOW, MEDIUM, HIGH, CRITICAL");
  }
}
