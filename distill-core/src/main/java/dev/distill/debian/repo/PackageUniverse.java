package dev.distill.debian.repo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every binary package of one release's suites for one architecture, from verified indexes.
 *
 * @param suites the suites in apt order (release, -updates, -security) with their Release files
 * @param packages all packages of all suites, in suite order then index order
 */
public record PackageUniverse(
    String release, String architecture, List<LoadedSuite> suites, List<BinaryPackage> packages) {

  /** A suite together with its verified Release file. */
  public record LoadedSuite(Suite suite, ReleaseFile releaseFile) {}

  public PackageUniverse {
    suites = List.copyOf(suites);
    packages = List.copyOf(packages);
  }

  /** The Date of the release's main suite (e.g. bookworm), the point release it reflects. */
  public Instant releaseDate() {
    return suites.get(0).releaseFile().date();
  }

  /** The Date of each suite's Release file, by suite name. */
  public Map<String, Instant> releaseDates() {
    Map<String, Instant> out = new LinkedHashMap<>();
    for (LoadedSuite s : suites) {
      out.put(s.suite().name(), s.releaseFile().date());
    }
    return out;
  }
}
