package dev.distill.sbom;

import dev.distill.pkgdb.InstalledPackage;
import dev.distill.pkgdb.OsRelease;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an SBOM describes: the package set (sorted for deterministic output), the OS release, the
 * described element (image name and, when known, its digest {@code sha256:…}), the creation time
 * and the tool version.
 */
public record SbomInput(
    List<InstalledPackage> packages,
    Optional<OsRelease> os,
    String subjectName,
    Optional<String> subjectDigest,
    Instant created,
    String toolVersion) {

  public SbomInput {
    packages =
        packages.stream()
            .sorted(
                Comparator.comparing(InstalledPackage::name)
                    .thenComparing(InstalledPackage::architecture)
                    .thenComparing(InstalledPackage::version))
            .toList();
  }

  /**
   * The creation time: {@code SOURCE_DATE_EPOCH} (seconds) when set, for reproducible output, else
   * {@code now}.
   */
  public static Instant createdFrom(Map<String, String> env, Instant now) {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
      } catch (NumberFormatException e) {
        throw new dev.distill.DistillException(
            "SOURCE_DATE_EPOCH must be a number of seconds, not '" + epoch + "'");
      }
    }
    return now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /** The major OS version for purls ({@code 12}), or empty. */
  public String distroMajor() {
    return os.map(OsRelease::majorVersion).orElse("");
  }
}
