package dev.distill.debian.resolve;

import dev.distill.debian.repo.BinaryPackage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of resolving root packages: every package to install, sorted by name.
 *
 * @param release the Debian release, e.g. {@code bookworm}
 * @param architecture the target architecture, e.g. {@code amd64}
 * @param releaseDate the Date of the release's main suite Release file
 * @param suiteDates the Date of every suite's Release file, by suite name
 * @param roots the requested packages as given
 * @param packages the closure, sorted by name
 */
public record Resolution(
    String release,
    String architecture,
    Instant releaseDate,
    Map<String, Instant> suiteDates,
    List<String> roots,
    List<BinaryPackage> packages) {

  public Resolution {
    suiteDates = Map.copyOf(suiteDates);
    roots = List.copyOf(roots);
    packages = List.copyOf(packages);
  }
}
