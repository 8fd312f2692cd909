package dev.distill.debian.fetch;

import dev.distill.DistillException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One .deb to fetch, as a lock file or a resolver names it.
 *
 * @param packageName the binary package name, e.g. {@code nginx}
 * @param version the version as written in the index, e.g. {@code 1.22.1-9+deb12u2}
 * @param architecture e.g. {@code amd64}, {@code arm64} or {@code all}
 * @param filename the index's {@code Filename}, relative to the mirror, e.g. {@code
 *     pool/main/n/nginx/nginx_1.22.1-9+deb12u2_amd64.deb}
 * @param mirror the archive base, e.g. {@code http://deb.debian.org/debian/} or a snapshot URL
 * @param sha256 the expected SHA-256, lowercase hex (from the signed index)
 * @param size the expected size in bytes, or -1 when unknown
 */
public record DebRef(
    String packageName,
    String version,
    String architecture,
    String filename,
    URI mirror,
    String sha256,
    long size) {

  public DebRef {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(mirror, "mirror");
    Objects.requireNonNull(sha256, "sha256");
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new DistillException(
          "Invalid SHA-256 '"
              + sha256
              + "' for "
              + packageName
              + " "
              + version
              + ": expected 64 hex digits");
    }
    if (filename.isEmpty()
        || filename.startsWith("/")
        || filename.contains("\\")
        || ("/" + filename + "/").contains("/../")) {
      throw new DistillException(
          "Invalid filename '"
              + filename
              + "' for "
              + packageName
              + " "
              + version
              + ": it must be a relative path inside the mirror");
    }
    String m = mirror.toString();
    if (!m.endsWith("/")) {
      mirror = URI.create(m + "/");
    }
  }

  /** Where to download the file. */
  public URI uri() {
    return mirror.resolve(filename);
  }

  /** The same reference served from another mirror (a snapshot archive, a local mirror). */
  public DebRef withMirror(URI other) {
    return new DebRef(packageName, version, architecture, filename, other, sha256, size);
  }

  /** e.g. {@code nginx 1.22.1-9 (amd64)}, for messages. */
  public String describe() {
    return packageName + " " + version + " (" + architecture + ")";
  }
}
