package dev.distill.debian.fetch;

import dev.distill.DistillException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Builds snapshot.debian.org URLs: {@code <base>archive/<archive>/<yyyyMMddTHHmmssZ>/}, the archive
 * as it was at that moment, so a lock file keeps working after the mirrors drop its versions.
 *
 * @param base the snapshot service, normally {@code https://snapshot.debian.org/}
 * @param timestamp the moment, to the second (UTC)
 */
public record SnapshotArchive(URI base, Instant timestamp) {
  /** The public Debian snapshot service. */
  public static final URI DEBIAN_SNAPSHOTS = URI.create("https://snapshot.debian.org/");

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public SnapshotArchive {
    String b = base.toString();
    base = b.endsWith("/") ? base : URI.create(b + "/");
    timestamp = timestamp.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The snapshot.debian.org archive at {@code timestamp}. */
  public static SnapshotArchive at(Instant timestamp) {
    return new SnapshotArchive(DEBIAN_SNAPSHOTS, timestamp);
  }

  /** Parses the snapshot form {@code 20250101T000000Z}. */
  public static SnapshotArchive parse(String timestamp) {
    try {
      return at(Instant.from(FORMAT.parse(timestamp.strip())));
    } catch (DateTimeParseException e) {
      throw new DistillException(
          "Invalid snapshot timestamp '"
              + timestamp
              + "': expected the form 20250101T000000Z (UTC, to the second)");
    }
  }

  /** The timestamp as snapshot.debian.org writes it, e.g. {@code 20250101T000000Z}. */
  public String stamp() {
    return FORMAT.format(timestamp);
  }

  /** The base URL of {@code archive} (e.g. {@code debian}, {@code debian-security}). */
  public URI archive(String archive) {
    if (!archive.matches("[a-z0-9][a-z0-9.-]*")) {
      throw new DistillException("Invalid snapshot archive name '" + archive + "'");
    }
    return base.resolve("archive/" + archive + "/" + stamp() + "/");
  }

  /** {@code https://snapshot.debian.org/archive/debian/<stamp>/}. */
  public URI debian() {
    return archive("debian");
  }

  /** {@code https://snapshot.debian.org/archive/debian-security/<stamp>/}. */
  public URI debianSecurity() {
    return archive("debian-security");
  }

  /**
   * The snapshot counterpart of a mirror URL: the last path segment names the archive ({@code
   * http://deb.debian.org/debian-security} -> the debian-security snapshot).
   */
  public URI forMirror(URI mirror) {
    String path = mirror.getPath() == null ? "" : mirror.getPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    return archive(name.isEmpty() ? "debian" : name);
  }

  /** {@code ref} as served by this snapshot, from its mirror's archive. */
  public DebRef rehome(DebRef ref) {
    return ref.withMirror(forMirror(ref.mirror()));
  }
}
