package dev.distill.debian.fetch;

import dev.distill.DistillException;
import dev.distill.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A content-addressed store of .deb files under {@code <root>/debs/sha256/<hex>}. A file enters
 * only after its SHA-256 (and size, and any extra check) matched, through a temp file renamed into
 * place, so the cache never holds a partial or unverified file. Every lookup checks the hash again;
 * a file that fails is deleted.
 */
public final class DebCache {
  private final Path root;

  public DebCache(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * The default cache: {@code $DISTILL_CACHE}, else {@code $XDG_CACHE_HOME/distill}, else {@code
   * ~/.cache/distill}.
   */
  public static DebCache defaultCache() {
    return new DebCache(defaultRoot(System.getenv(), System.getProperty("user.home")));
  }

  static Path defaultRoot(Map<String, String> env, String home) {
    return dev.distill.io.CacheDirs.defaultRoot(env, home);
  }

  public Path root() {
    return root;
  }

  /** Where a file with this SHA-256 lives (whether or not it is there). */
  public Path pathFor(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a lowercase SHA-256: " + sha256);
    }
    return root.resolve("debs").resolve("sha256").resolve(sha256);
  }

  /**
   * The cached file for this hash, checked again now; a file whose content no longer matches is
   * deleted and reported as absent.
   */
  public Optional<Path> find(String sha256) {
    Path p = pathFor(sha256);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(p)) {
      if (sha256(in).equals(sha256)) {
        return Optional.of(p);
      }
    } catch (IOException e) {
      // Unreadable counts as damaged: fall through and remove it.
    }
    deleteQuietly(p);
    return Optional.empty();
  }

  /** A check on the complete temp file before it enters the cache; throws to refuse it. */
  @FunctionalInterface
  public interface Verifier {
    void verify(Path candidate);
  }

  /**
   * Copies {@code in} into the cache under {@code sha256}, hashing on the way. If the hash or size
   * differs, or {@code verifier} throws, nothing is stored and a {@link DistillException} says why.
   * {@code what} names the file in messages.
   *
   * @param expectedSize the expected length, or -1 when unknown
   */
  public Path store(
      String sha256, long expectedSize, InputStream in, String what, Verifier verifier) {
    Path target = pathFor(sha256);
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), "." + sha256.substring(0, 12) + "-", ".part");
      MessageDigest digest = newDigest();
      long copied;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
        copied = copy(in, out, expectedSize < 0 ? Long.MAX_VALUE : expectedSize + 1);
      }
      if (expectedSize >= 0 && copied != expectedSize) {
        throw new DistillException(
            what
                + " is "
                + (copied < expectedSize ? "truncated" : "too long")
                + ": got "
                + (copied < expectedSize ? copied + " bytes" : "more bytes")
                + ", the signed index says "
                + expectedSize
                + ". Nothing was cached; try again, or use another mirror if it persists.");
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(sha256)) {
        throw new DistillException(
            what
                + " failed its SHA-256 check: expected "
                + sha256
                + " but the download has "
                + actual
                + ". The file differs from what the signed index lists (tampered, or a broken"
                + " mirror or proxy); nothing was cached.");
      }
      verifier.verify(temp);
      AtomicFiles.move(temp, target);
      temp = null;
      return target;
    } catch (IOException e) {
      throw new DistillException(
          "Could not download " + what + ": " + e.getMessage() + ". Nothing was cached.", e);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  /** Copies at most {@code limit} bytes, so an endless body cannot fill the disk. */
  private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    while (total < limit) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, limit - total));
      if (n < 0) {
        break;
      }
      out.write(buf, 0, n);
      total += n;
    }
    return total;
  }

  /** The lowercase hex SHA-256 of a stream's remaining bytes. */
  public static String sha256(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) > 0) {
      digest.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Best effort: a stale temp or damaged file is checked again on the next lookup.
    }
  }
}
