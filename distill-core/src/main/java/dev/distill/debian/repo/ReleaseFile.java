package dev.distill.debian.repo;

import dev.distill.DistillException;
import dev.distill.debian.ControlFile;
import dev.distill.debian.ControlStanza;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a (verified) Release file that distill relies on.
 *
 * @param sha256 the SHA256 checksum list keyed by path relative to {@code dists/<suite>/}
 */
public record ReleaseFile(
    Optional<String> suite,
    Optional<String> codename,
    Instant date,
    Optional<Instant> validUntil,
    List<String> architectures,
    List<String> components,
    boolean acquireByHash,
    Map<String, FileEntry> sha256) {

  /** One line of the SHA256 list: the file's hash and size. */
  public record FileEntry(String path, String sha256, long size) {}

  public ReleaseFile {
    architectures = List.copyOf(architectures);
    components = List.copyOf(components);
    sha256 = Map.copyOf(sha256);
  }

  /** Parses Release text; {@code source} names it (suite and URL) in error messages. */
  public static ReleaseFile parse(String text, String source) {
    List<ControlStanza> stanzas = ControlFile.parse(text, source);
    if (stanzas.isEmpty()) {
      throw new DistillException(source + ": the Release file is empty");
    }
    ControlStanza s = stanzas.get(0);
    String date =
        s.get("Date")
            .orElseThrow(() -> new DistillException(source + ": the Release file has no Date"));
    Map<String, FileEntry> files = new LinkedHashMap<>();
    for (String line : s.get("SHA256", "").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.strip().split("\\s+");
      if (parts.length != 3 || !parts[0].matches("[0-9a-fA-F]{64}")) {
        throw new DistillException(source + ": malformed SHA256 line '" + line.strip() + "'");
      }
      try {
        files.put(
            parts[2], new FileEntry(parts[2], parts[0].toLowerCase(), Long.parseLong(parts[1])));
      } catch (NumberFormatException e) {
        throw new DistillException(source + ": malformed size in SHA256 line '" + line + "'");
      }
    }
    return new ReleaseFile(
        s.get("Suite").map(String::strip),
        s.get("Codename").map(String::strip),
        parseDate(date, source),
        s.get("Valid-Until").map(v -> parseDate(v, source)),
        words(s.get("Architectures", "")),
        words(s.get("Components", "")),
        "yes".equalsIgnoreCase(s.get("Acquire-By-Hash", "no").strip()),
        files);
  }

  /** The checksum entry for {@code path}, if the Release lists it. */
  public Optional<FileEntry> file(String path) {
    return Optional.ofNullable(sha256.get(path));
  }

  /**
   * Parses the RFC 2822 dates of Release files, e.g. {@code Sat, 28 Nov 2026 02:53:00 UTC}. "UTC"
   * is not an RFC 1123 zone name, so it is rewritten first.
   */
  static Instant parseDate(String value, String source) {
    String v = value.strip().replaceAll("\\s+", " ");
    if (v.endsWith(" UTC") || v.endsWith(" GMT") || v.endsWith(" Z")) {
      v = v.substring(0, v.lastIndexOf(' ')) + " +0000";
    }
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new DistillException(source + ": invalid date '" + value.strip() + "' in Release file");
    }
  }

  private static List<String> words(String s) {
    return s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
  }
}
