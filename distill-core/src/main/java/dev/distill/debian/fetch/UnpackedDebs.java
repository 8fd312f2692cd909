package dev.distill.debian.fetch;

import dev.distill.DistillException;
import dev.distill.debian.deb.DebPackage;
import dev.distill.debian.deb.DebReader;
import dev.distill.io.AtomicFiles;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Uncompressed copies of cached .deb files under {@code <root>/debs/unpacked/<sha256>.deb}, keyed
 * by the original's verified SHA-256. Decompressing xz is most of a build whose packages are
 * already cached; the copy is read instead. Each copy has a damage check beside it ({@code .crc32}:
 * CRC-32 and length), checked on every use: a damaged copy is deleted and made again from the
 * original.
 *
 * <p>Why CRC-32 and not SHA-256: the trust anchor is the original's SHA-256, from the signed index
 * through the lock, checked when the original is downloaded and whenever a copy is made from it.
 * The check beside a copy lives in the same directory as the copy, so it can only ever detect
 * damage, never deliberate change (whoever can rewrite the copy can rewrite its check), whatever
 * the algorithm; CRC-32 detects damage as gzip and zip do, at a hundredth of the cost of hashing
 * every package byte on every build.
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
    return intact(dir.resolve(sha + ".deb"), dir.resolve(sha + ".deb.crc32"))
        .map(bytes -> DebReader.read(bytes, name));
  }

  /** The package of {@code deb} (verified, in the cache), read from its uncompressed copy. */
  public DebPackage read(FetchedDeb deb) {
    String sha = deb.ref().sha256();
    String name = deb.ref().filename().substring(deb.ref().filename().lastIndexOf('/') + 1);
    Path copy = dir.resolve(sha + ".deb");
    Path sum = dir.resolve(sha + ".deb.crc32");
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
   * The copy, mapped into memory, once its length and CRC-32 match the check beside it; a damaged
   * copy is deleted. Mapping (rather than reading) spares a cold JVM touching fresh heap for every
   * package byte, and the build then reads only the files it keeps. Safe because cache files are
   * only ever replaced by renaming a new file into place ({@link AtomicFiles}), never rewritten in
   * place, so the bytes under a mapping do not change while a build runs.
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
      CRC32 crc = new CRC32();
      crc.update(bytes.duplicate());
      String expected = Files.readString(sum, StandardCharsets.US_ASCII).strip();
      if (check(crc.getValue(), size).equals(expected)) {
        return Optional.of(bytes);
      }
    } catch (IOException e) {
      // unreadable counts as damaged
    }
    deleteQuietly(sum);
    deleteQuietly(copy);
    return Optional.empty();
  }

  /** The text of a damage check: CRC-32 in hex and the length in bytes. */
  private static String check(long crc32, long size) {
    return String.format("crc32 %08x size %d", crc32, size);
  }

  private static void make(Path original, String name, Path copy, Path sum) {
    CRC32 crc = new CRC32();
    long[] size = {0};
    try {
      // The copy first, its check second: a copy without a check is never used.
      deleteQuietly(sum);
      AtomicFiles.write(
          copy,
          out -> {
            OutputStream checked =
                new FilterOutputStream(new CheckedOutputStream(out, crc)) {
                  @Override
                  public void write(byte[] b, int off, int len) throws IOException {
                    this.out.write(b, off, len);
                    size[0] += len;
                  }

                  @Override
                  public void write(int b) throws IOException {
                    this.out.write(b);
                    size[0]++;
                  }
                };
            DebReader.writeUncompressed(original, name, checked);
            checked.flush();
          });
      AtomicFiles.write(
          sum, (check(crc.getValue(), size[0]) + "\n").getBytes(StandardCharsets.US_ASCII));
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
