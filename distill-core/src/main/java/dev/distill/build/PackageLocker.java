package dev.distill.build;

import dev.distill.DistillException;
import dev.distill.debian.repo.BinaryPackage;
import dev.distill.debian.repo.DebianRepository;
import dev.distill.debian.repo.PackageUniverse;
import dev.distill.debian.resolve.Resolution;
import dev.distill.debian.resolve.Resolver;
import dev.distill.spec.LockFile.LockedPackage;
import dev.distill.spec.LockFile.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pipeline step "resolve": from a list of root packages (as an image spec names them) to the locked
 * package set of one release and architecture, using the verified Debian indexes.
 */
public final class PackageLocker {
  private final java.util.function.Supplier<DebianRepository> repository;

  public PackageLocker(DebianRepository repository) {
    this.repository = () -> repository;
  }

  /**
   * A locker that sets the repository up (keyring, HTTP client) only when something must be
   * resolved: a build from a complete lock never needs it.
   */
  public PackageLocker(java.util.function.Supplier<DebianRepository> repository) {
    this.repository = dev.distill.Lazy.of(repository);
  }

  /**
   * Resolves {@code roots} for {@code release}/{@code arch}; {@code a | b} roots pick the first
   * known.
   */
  public Resolution resolve(List<String> roots, String release, String arch) {
    PackageUniverse universe = repository.get().load(release, arch);
    return new Resolver(universe).resolve(chooseAlternatives(roots, universe));
  }

  /** Resolves and turns the result into a lock target. */
  public Target lock(List<String> roots, String release, String arch) {
    return toTarget(resolve(roots, release, arch));
  }

  /** The lock target for a resolution: suite dates and every package's file and hash. */
  public static Target toTarget(Resolution resolution) {
    Map<String, String> dates = new LinkedHashMap<>();
    resolution.suiteDates().forEach((suite, date) -> dates.put(suite, date.toString()));
    List<LockedPackage> packages = new ArrayList<>();
    for (BinaryPackage p : resolution.packages()) {
      packages.add(
          new LockedPackage(
              p.name(),
              p.version().toString(),
              p.architecture(),
              p.sourceName(),
              p.sourceVersion().toString(),
              p.suite(),
              p.filename(),
              p.sha256(),
              p.size()));
    }
    return new Target(resolution.release(), resolution.architecture(), dates, packages);
  }

  static List<String> chooseAlternatives(List<String> roots, PackageUniverse universe) {
    Set<String> known =
        universe.packages().stream().map(BinaryPackage::name).collect(Collectors.toSet());
    List<String> chosen = new ArrayList<>();
    for (String root : roots) {
      if (!root.contains("|")) {
        chosen.add(root.strip());
        continue;
      }
      String pick = null;
      for (String alternative : root.split("\\|")) {
        String name = alternative.strip().split("[=:]")[0];
        if (known.contains(name)) {
          pick = alternative.strip();
          break;
        }
      }
      if (pick == null) {
        throw new DistillException(
            "None of '"
                + root
                + "' exists in "
                + universe.release()
                + " for "
                + universe.architecture());
      }
      chosen.add(pick);
    }
    return chosen;
  }
}
