package dev.distill.vuln;

import dev.distill.DistillException;
import dev.distill.debian.version.DebianVersion;
import dev.distill.pkgdb.InstalledPackage;
import dev.distill.pkgdb.PackageInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Matches installed packages against the database by source package and source version (so binNMU
 * binaries such as {@code libcap2 1:2.66-4+deb12u3+b1} match on {@code 1:2.66-4+deb12u3}), in dpkg
 * version order, for the target's Debian release.
 */
public final class VulnMatcher {
  private final VulnDatabase db;

  public VulnMatcher(VulnDatabase db) {
    this.db = db;
  }

  /** All vulnerabilities of the inventory, sorted by package, then id. */
  public List<Vulnerability> match(PackageInventory inventory) {
    String release =
        inventory
            .os()
            .flatMap(o -> o.id().equals("debian") ? o.debianCodename() : Optional.empty())
            .orElseThrow(
                () ->
                    new DistillException(
                        inventory.target()
                            + ": cannot tell the Debian release (no /etc/os-release with"
                            + " ID=debian and VERSION_ID or VERSION_CODENAME); only Debian targets"
                            + " can be scanned"));
    return match(inventory.packages(), release);
  }

  /** All vulnerabilities of {@code packages} in Debian release {@code release} (a codename). */
  public List<Vulnerability> match(List<InstalledPackage> packages, String release) {
    List<Vulnerability> out = new ArrayList<>();
    for (InstalledPackage p : packages) {
      DebianVersion installed = parse(p.sourceVersion(), p);
      for (Advisory a : db.advisories(release, p.sourceName())) {
        matchOne(p, installed, a).ifPresent(out::add);
      }
    }
    out.sort(
        Comparator.comparing((Vulnerability v) -> v.pkg().name())
            .thenComparing(v -> v.pkg().architecture())
            .thenComparing(Vulnerability::id));
    return out;
  }

  private Optional<Vulnerability> matchOne(
      InstalledPackage p, DebianVersion installed, Advisory a) {
    VulnStatus status;
    Optional<String> fixed = Optional.empty();
    switch (a.status()) {
      case RESOLVED -> {
        if (a.notAffected()) {
          return Optional.empty();
        }
        DebianVersion fix;
        try {
          fix = DebianVersion.parse(a.fixedVersion().orElseThrow());
        } catch (RuntimeException e) {
          throw new DistillException(
              a.origin()
                  + ": "
                  + a.id()
                  + " has an invalid fixed version '"
                  + a.fixedVersion().orElse("")
                  + "' for "
                  + a.sourcePackage());
        }
        if (installed.compareTo(fix) >= 0) {
          return Optional.empty();
        }
        status = VulnStatus.FIXED;
        fixed = a.fixedVersion();
      }
      case OPEN ->
          status = a.unfixedReason().isPresent() ? VulnStatus.WILL_NOT_FIX : VulnStatus.AFFECTED;
      default -> status = VulnStatus.UNDETERMINED;
    }
    SeverityRating rating = SeverityRating.of(a.urgency(), db.cvss(a.id()));
    return Optional.of(
        new Vulnerability(
            a.id(),
            p,
            status,
            fixed,
            rating.severity(),
            rating.source(),
            a.urgency(),
            a.unfixedReason(),
            a.description(),
            a.origin()));
  }

  private static DebianVersion parse(String v, InstalledPackage p) {
    try {
      return DebianVersion.parse(v);
    } catch (RuntimeException e) {
      throw new DistillException(
          "Package " + p.name() + " has an invalid source version '" + v + "': " + e.getMessage());
    }
  }
}
