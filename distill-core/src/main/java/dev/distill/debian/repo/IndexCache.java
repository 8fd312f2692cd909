package dev.distill.debian.repo;

import dev.distill.DistillException;
import dev.distill.debian.repo.RepositoryVerificationException.Reason;
import dev.distill.io.AtomicFiles;
import dev.distill.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The on-disk cache of repository metadata: index files stored by their SHA-256 under {@code
 * indexes/sha256/<hex>}, and the last verified InRelease of each suite under {@code
 * indexes/inrelease/<mirror>/<suite>}. Every file is written to a temp file and renamed, and only
 * after its hash was checked, so the cache never holds a partial or unverified file.
 */
public final class IndexCache {
  private final Path root;

  public IndexCache(Path root) {
    this.root = root;
  }

  /** {@code DISTILL_CACHE} if set, else {@code ~/.cache/distill}. */
  public static Path defaultRoot(Map<String, String> env) {
    return dev.distill.io.CacheDirs.defaultRoot(env, System.getProperty("user.home"));
  }

  public Path root() {
    return root;
  }

  /** Where an index file with {@code sha256} lives (whether or not it exists). */
  public Path indexPath(String sha256) {
    return root.resolve("indexes").resolve("sha256").resolve(sha256);
  }

  /** Where the last verified InRelease of {@code suite} lives. */
  public Path inReleasePath(Suite suite) {
    String mirror = suite.mirror().toString().replaceFirst("^[a-z]+://", "");
    String safe = mirror.replaceAll("[^A-Za-z0-9._-]", "_");
    return root.resolve("indexes").resolve("inrelease").resolve(safe).resolve(suite.name());
  }

  /**
   * The cached index file with this hash and size, if present and intact. A corrupt entry is
   * deleted so it is fetched again.
   */
  public Optional<Path> find(String sha256, long size) {
    Path p = indexPath(sha256);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      if (Files.size(p) == size && sha256.equals(sha256Of(p))) {
        return Optional.of(p);
      }
      Files.deleteIfExists(p);
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies {@code in} into the cache, checking that it has exactly {@code size} bytes and the
   * SHA-256 {@code sha256}; on a mismatch nothing is kept and a {@link
   * RepositoryVerificationException} names {@code what}.
   */
  public Path store(
      InputStream in, String sha256, long size, String what, ProgressListener progress) {
    Path target = indexPath(sha256);
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), ".download-", ".tmp");
      MessageDigest digest = newSha256();
      long total = 0;
      progress.started(what, size);
      try (InputStream src = in;
          OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = src.read(buf)) > 0) {
          digest.update(buf, 0, n);
          out.write(buf, 0, n);
          total += n;
          if (total > size) {
            break; // Longer than signed: no need to read further.
          }
          progress.advanced(what, total, size);
        }
      }
      progress.finished(what);
      String actual = HexFormat.of().formatHex(digest.digest());
      if (total != size || !actual.equals(sha256)) {
        throw new RepositoryVerificationException(
            Reason.HASH_MISMATCH,
            what
                + " does not match the signed Release file (expected SHA-256 "
                + sha256
                + " and "
                + size
                + " bytes, got "
                + (total > size
                    ? "more than " + size + " bytes"
                    : actual + " and " + total + " bytes")
                + "). It was not used or cached. The mirror may be mid-sync or tampered with; retry"
                + " later or use another mirror.");
      }
      AtomicFiles.move(tmp, target);
      tmp = null;
      return target;
    } catch (IOException e) {
      throw new DistillException("Could not download or cache " + what + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Stores a verified InRelease file atomically. */
  public void storeInRelease(Suite suite, byte[] content) {
    writeAtomically(inReleasePath(suite), content);
  }

  /** The cached InRelease of {@code suite}, if any (still to be verified by the caller). */
  public Optional<byte[]> readInRelease(Suite suite) {
    Path p = inReleasePath(suite);
    try {
      return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeAtomically(Path target, byte[] content) {
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), ".write-", ".tmp");
      Files.write(tmp, content);
      AtomicFiles.move(tmp, target);
      tmp = null;
    } catch (IOException e) {
      throw new DistillException("Could not write " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // Best effort: a stray temp file is never mistaken for a cache entry.
      }
    }
  }

  static String sha256Of(Path p) throws IOException {
    MessageDigest digest = newSha256();
    try (InputStream in = Files.newInputStream(p)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        digest.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
