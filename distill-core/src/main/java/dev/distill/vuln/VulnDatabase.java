package dev.distill.vuln;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vulnerability data in memory: advisories by (release, source package) and CVSS metrics by CVE.
 * When two sources describe the same (id, package, release), the first one added wins, so add the
 * Debian tracker before OSV.
 */
public final class VulnDatabase {
  private final Map<String, Map<String, Advisory>> byReleaseAndSource;
  private final Map<String, List<Cvss>> cvss;
  private final Optional<Instant> updated;
  private final List<String> sources;

  private VulnDatabase(Builder b) {
    Map<String, Map<String, Advisory>> copy = new HashMap<>();
    b.advisories.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    this.byReleaseAndSource = Map.copyOf(copy);
    Map<String, List<Cvss>> c = new HashMap<>();
    b.cvss.forEach((k, v) -> c.put(k, List.copyOf(v)));
    this.cvss = Map.copyOf(c);
    this.updated = Optional.ofNullable(b.updated);
    this.sources = List.copyOf(b.sources);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Advisories for a source package in a release, sorted by id. */
  public List<Advisory> advisories(String release, String sourcePackage) {
    Map<String, Advisory> m = byReleaseAndSource.get(release + "/" + sourcePackage);
    if (m == null) {
      return List.of();
    }
    List<Advisory> out = new ArrayList<>(m.values());
    out.sort(Comparator.comparing(Advisory::id));
    return out;
  }

  /** CVSS metrics NVD holds for {@code cve}, in file order. */
  public List<Cvss> cvss(String cve) {
    return cvss.getOrDefault(cve, List.of());
  }

  /** When the data was last downloaded, if known. */
  public Optional<Instant> updated() {
    return updated;
  }

  /** Descriptions of the loaded sources, e.g. "debian-tracker (265 advisories)". */
  public List<String> sources() {
    return sources;
  }

  public int advisoryCount() {
    return byReleaseAndSource.values().stream().mapToInt(Map::size).sum();
  }

  public int cvssCount() {
    return cvss.size();
  }

  /** Collects advisories and metrics from the loaders. */
  public static final class Builder {
    private final Map<String, Map<String, Advisory>> advisories = new LinkedHashMap<>();
    private final Map<String, List<Cvss>> cvss = new LinkedHashMap<>();
    private final List<String> sources = new ArrayList<>();
    private Instant updated;

    /** Adds an advisory unless one for the same id, package and release is already there. */
    public Builder add(Advisory a) {
      advisories
          .computeIfAbsent(a.release() + "/" + a.sourcePackage(), k -> new LinkedHashMap<>())
          .putIfAbsent(a.id(), a);
      return this;
    }

    public Builder addCvss(String cve, List<Cvss> metrics) {
      if (!metrics.isEmpty()) {
        cvss.put(cve, List.copyOf(metrics));
      }
      return this;
    }

    public Builder source(String description) {
      sources.add(description);
      return this;
    }

    public Builder updated(Instant when) {
      this.updated = when;
      return this;
    }

    public VulnDatabase build() {
      return new VulnDatabase(this);
    }
  }
}
