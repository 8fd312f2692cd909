package dev.distill.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.distill.DistillException;
import dev.distill.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code distill.lock.json}: the exact package files an image is built from, per release and
 * architecture, with each suite's signed Release date. Building from a lock fetches exactly these
 * files (checked against their SHA-256); {@code distill lock} refreshes it. {@code snapshot}, when
 * set, is a snapshot.debian.org timestamp ({@code 20251101T000000Z}) to fetch from once Debian's
 * mirrors have dropped the locked versions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LockFile(int lockVersion, String spec, String snapshot, List<Target> targets) {
  public static final String FILE_NAME = "distill.lock.json";
  public static final int CURRENT_VERSION = 1;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SNAPSHOT = Pattern.compile("\\d{8}T\\d{6}Z");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public LockFile {
    targets =
        targets.stream()
            .sorted(Comparator.comparing(Target::release).thenComparing(Target::arch))
            .toList();
  }

  /** The packages of one release and architecture. */
  public record Target(
      String release, String arch, Map<String, String> suiteDates, List<LockedPackage> packages) {
    public Target {
      suiteDates = new TreeMap<>(suiteDates);
      packages = packages.stream().sorted(Comparator.comparing(LockedPackage::name)).toList();
    }
  }

  /** One locked .deb: where it lives on the mirror and the hash it must have. */
  public record LockedPackage(
      String name,
      String version,
      String arch,
      String source,
      String sourceVersion,
      String suite,
      String filename,
      String sha256,
      long size) {}

  public Optional<String> snapshotTimestamp() {
    return Optional.ofNullable(snapshot);
  }

  /** The target for a release and arch, if locked. */
  public Optional<Target> target(String release, String arch) {
    return targets.stream()
        .filter(t -> t.release().equals(release) && t.arch().equals(arch))
        .findFirst();
  }

  /** This lock with {@code target} added or replacing the one for the same release and arch. */
  public LockFile with(Target target) {
    List<Target> others =
        targets.stream()
            .filter(t -> !(t.release().equals(target.release()) && t.arch().equals(target.arch())))
            .toList();
    return new LockFile(
        lockVersion,
        spec,
        snapshot,
        java.util.stream.Stream.concat(others.stream(), java.util.stream.Stream.of(target))
            .toList());
  }

  public static Path pathFor(Path specDir) {
    return specDir.resolve(FILE_NAME);
  }

  public static Optional<LockFile> readIfPresent(Path file) {
    return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
  }

  public static LockFile read(Path file) {
    LockFile lock;
    try {
      lock = JSON.readValue(file.toFile(), LockFile.class);
    } catch (IOException e) {
      throw new DistillException(
          "Cannot read the lock file "
              + file
              + ": "
              + e.getMessage().lines().findFirst().orElse("")
              + ". Run 'distill lock' to write it again.",
          e);
    }
    lock.validate(file);
    return lock;
  }

  public void write(Path file) throws IOException {
    AtomicFiles.write(file, out -> JSON.writeValue(out, this));
  }

  private void validate(Path file) {
    if (lockVersion != CURRENT_VERSION) {
      throw new DistillException(
          file + ": lock version " + lockVersion + " is not supported (expected 1)");
    }
    if (snapshot != null && !SNAPSHOT.matcher(snapshot).matches()) {
      throw new DistillException(
          file + ": snapshot '" + snapshot + "' is not a timestamp like 20251101T000000Z");
    }
    if (targets == null || targets.isEmpty()) {
      throw new DistillException(file + ": the lock has no targets; run 'distill lock'");
    }
    for (Target t : targets) {
      for (LockedPackage p : t.packages()) {
        if (p.sha256() == null || !SHA256.matcher(p.sha256()).matches()) {
          throw new DistillException(
              file + ": package " + p.name() + " has no valid sha256; run 'distill lock'");
        }
        if (p.filename() == null
            || p.filename().startsWith("/")
            || p.filename().contains("..")
            || !p.filename().endsWith(".deb")) {
          throw new DistillException(
              file + ": package " + p.name() + " has an invalid filename '" + p.filename() + "'");
        }
      }
    }
  }
}
