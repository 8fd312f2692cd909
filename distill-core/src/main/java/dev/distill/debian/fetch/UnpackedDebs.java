package dev.distill.debian.fetch;

import dev.distill.DistillException;
import dev.distill.debian.deb.DebPackage;
import dev.distill.debian.deb.DebReader;
import dev.distill.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

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

  /**
   * The package {@code ref} names, read from its uncompressed copy when one is there and intact;
   * empty otherwise (then fetch the original and use {@link #read(FetchedDeb)}). The original is
   * not needed for this: the copy is keyed by the original's checked hash and checked by its own.
   */
  public Optional<DebPackage> readIfIntact(DebRef ref) {
    String sha = ref.sha256();
    String name = ref.filename().substring(ref.filename().lastIndexOf('/') + 1);
    return intact(dir.resolve(sha + ".deb"), dir.resolve(sha + ".deb.sha256"))
        .map(bytes -> DebReader.read(bytes, name));
  }

  /** The package of {@code deb} (verified, in the cache), read from its uncompressed copy. */
  public DebPackage read(FetchedDeb deb) {
    String sha = deb.ref().sha256();
    String name = deb.ref().filename().substring(deb.ref().filename().lastIndexOf('/') + 1);
    Path copy = dir.resolve(sha + ".deb");
    Path sum = dir.resolve(sha + ".deb.sha256");
    Optional<ByteBuffer> bytes = intact(copy, sum);
    if (bytes.isEmpty()) {
      make(deb.path(), name, copy, sum);
      bytes = intact(copy, sum);
    }
    if (bytes.isEmpty()) {
      // Too large for one buffer, or altered between writing and reading: read the original.
      return DebReader.read(deb.path(), name);
    }
    return DebReader.read(bytes.get(), name);
  }

  /**
   * The copy, mapped into memory, once its SHA-256 matches the one beside it; a damaged copy is
   * deleted. Mapping (rather than reading) spares a cold JVM touching fresh heap for every package
   * byte, and the build then reads only the files it keeps. Safe because cache files are only ever
   * replaced by renaming a new file into place ({@link AtomicFiles}), never rewritten in place, so
   * the bytes under a mapping do not change while a build runs.
   */
  private static Optional<ByteBuffer> intact(Path copy, Path sum) {
    if (!Files.isRegularFile(copy) || !Files.isRegularFile(sum)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE - 8) {
        return Optional.empty();
      }
      ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(bytes.duplicate());
      String expected = Files.readString(sum, StandardCharsets.US_ASCII).strip();
      if (HexFormat.of().formatHex(md.digest()).equals(expected)) {
        return Optional.of(bytes);
      }
    } catch (IOException e) {
      // unreadable counts as damaged
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    deleteQuietly(sum);
    deleteQuietly(copy);
    return Optional.empty();
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
