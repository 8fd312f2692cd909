package dev.distill.debian.fetch;

import dev.distill.DistillException;
import dev.distill.debian.deb.DebPackage;
import dev.distill.debian.deb.DebReader;
import dev.distill.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Uncompressed copies of cached .deb files under {@code <root>/debs/unpacked/<sha256>.deb}, keyed
 * by the original's verified SHA-256. Decompressing xz is most of a build whose packages are
 * already cached; the copy is read instead. Each copy has its own SHA-256 beside it ({@code
 * .sha256}), checked on every use: a damaged or altered copy is deleted and made again from the
 * original, so the cache cannot feed a build anything the original would not.
 */
public final class UnpackedDebs {
  private final Path dir;

  public UnpackedDebs(Path cacheRoot) {
    this.dir = cacheRoot.resolve("debs").resolve("unpacked");
  }

  /** The package of {@code deb} (verified, in the cache), read from its uncompressed copy. */
  public DebPackage read(FetchedDeb deb) {
    String sha = deb.ref().sha256();
    String name = deb.ref().filename().substring(deb.ref().filename().lastIndexOf('/') + 1);
    Path copy = dir.resolve(sha + ".deb");
    Path sum = dir.resolve(sha + ".deb.sha256");
    if (!intact(copy, sum)) {
      make(deb.path(), name, copy, sum);
    }
    return DebReader.read(copy, name);
  }

  private static boolean intact(Path copy, Path sum) {
    if (!Files.isRegularFile(copy) || !Files.isRegularFile(sum)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(copy)) {
      String expected = Files.readString(sum, StandardCharsets.US_ASCII).strip();
      if (DebCache.sha256(in).equals(expected)) {
        return true;
      }
    } catch (IOException e) {
      // unreadable counts as damaged
    }
    deleteQuietly(sum);
    deleteQuietly(copy);
    return false;
  }

  private static void make(Path original, String name, Path copy, Path sum) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try {
      // The copy first, its hash second: a copy without a hash is never used.
      deleteQuietly(sum);
      AtomicFiles.write(
          copy,
          out -> {
            OutputStream digesting = new DigestOutputStream(out, md);
            DebReader.writeUncompressed(original, name, digesting);
            digesting.flush();
          });
      AtomicFiles.write(
          sum, (HexFormat.of().formatHex(md.digest()) + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new DistillException(
          "cannot write the unpacked copy of "
              + name
              + " in "
              + copy.getParent()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // left for the next run, which checks it again
    }
  }
}
