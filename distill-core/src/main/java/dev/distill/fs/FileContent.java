package dev.distill.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The bytes of a regular file, immutable. Either a private copy of a byte array, or a read-only
 * window on a larger buffer (such as a memory-mapped, hash-checked package copy), so a package's
 * files can pass through a build without each one being copied: only the files that end up in the
 * image are ever read. Equality is by content.
 */
public final class FileContent {
  private static final FileContent EMPTY = new FileContent(ByteBuffer.allocate(0));
  private static final int CHUNK = 1 << 16;

  /** Read-only; position 0, limit = size. Always used through {@link ByteBuffer#duplicate()}. */
  private final ByteBuffer bytes;

  private FileContent(ByteBuffer bytes) {
    this.bytes = bytes;
  }

  /** Content holding a copy of {@code data}. */
  public static FileContent of(byte[] data) {
    return data.length == 0
        ? EMPTY
        : new FileContent(ByteBuffer.wrap(data.clone()).asReadOnlyBuffer());
  }

  /**
   * Content viewing {@code length} bytes of {@code buffer} from {@code offset}, without copying.
   * The caller promises that nothing writes those bytes afterwards.
   */
  public static FileContent window(ByteBuffer buffer, long offset, long length) {
    Objects.checkFromIndexSize(offset, length, buffer.capacity());
    if (length == 0) {
      return EMPTY;
    }
    ByteBuffer view =
        buffer.duplicate().limit((int) (offset + length)).position((int) offset).slice();
    return new FileContent(view.asReadOnlyBuffer());
  }

  public static FileContent empty() {
    return EMPTY;
  }

  public long size() {
    return bytes.capacity();
  }

  /** A fresh copy of the bytes. */
  public byte[] bytes() {
    byte[] out = new byte[bytes.capacity()];
    bytes.duplicate().get(out);
    return out;
  }

  /** Feeds the bytes to {@code digest}. */
  public void updateDigest(MessageDigest digest) {
    digest.update(bytes.duplicate());
  }

  /** Writes the bytes to {@code out}, which stays open. */
  public void writeTo(OutputStream out) throws IOException {
    ByteBuffer b = bytes.duplicate();
    byte[] chunk = new byte[(int) Math.min(CHUNK, b.remaining())];
    while (b.hasRemaining()) {
      int n = Math.min(chunk.length, b.remaining());
      b.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileContent c && bytes.duplicate().equals(c.bytes.duplicate());
  }

  @Override
  public int hashCode() {
    return bytes.duplicate().hashCode();
  }

  @Override
  public String toString() {
    return size() + " bytes";
  }
}
