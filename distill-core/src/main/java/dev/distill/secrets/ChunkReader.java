package dev.distill.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream as text chunks of about {@code chunkBytes}, cut after a newline, so the text fed
 * to each regex stays bounded whatever the input. A line longer than {@code maxChunkBytes} is cut
 * (at a UTF-8 character boundary) and {@link #cutLongLine()} reports it. Memory is bounded by
 * {@code maxChunkBytes}.
 */
final class ChunkReader {
  /** One chunk: its text and the 1-based line its first character is on. */
  record Chunk(String text, int startLine, boolean first, int startColumnOffset) {}

  private final InputStream in;
  private final int chunkBytes;
  private final int maxChunkBytes;
  private byte[] buf;
  private int len;
  private boolean eof;
  private int nextLine = 1;
  private boolean first = true;
  private boolean cutLongLine;
  private int columnOffset; // chars of the current line before the next chunk

  ChunkReader(InputStream in, int chunkBytes, int maxChunkBytes) {
    this(in, chunkBytes, maxChunkBytes, -1);
  }

  /**
   * @param expectedBytes the stream's length when known (a file's size), else -1: a small file then
   *     gets a buffer of its own size rather than two chunks' worth
   */
  ChunkReader(InputStream in, int chunkBytes, int maxChunkBytes, long expectedBytes) {
    this(in, chunkBytes, maxChunkBytes, expectedBytes, null);
  }

  /**
   * @param reusable a buffer to read into instead of allocating one (its content is ignored), or
   *     null; reusing one per thread spares allocating and zeroing a buffer per file
   */
  ChunkReader(
      InputStream in, int chunkBytes, int maxChunkBytes, long expectedBytes, byte[] reusable) {
    this.in = in;
    this.chunkBytes = chunkBytes;
    this.maxChunkBytes = Math.max(chunkBytes, maxChunkBytes);
    long size = Math.min(this.maxChunkBytes + 1L, chunkBytes * 2L);
    if (expectedBytes >= 0) {
      size = Math.min(size, Math.max(expectedBytes + 1, SecretScanner.SNIFF_BYTES + 1L));
    }
    this.buf = reusable != null && reusable.length >= size ? reusable : new byte[(int) size];
  }

  /** The buffer in use, to reuse for the next stream. */
  byte[] buffer() {
    return buf;
  }

  /** Bytes already read (for binary sniffing of the start); fills up to {@code n} bytes. */
  byte[] peek(int n) throws IOException {
    fill(n);
    return Arrays.copyOf(buf, Math.min(n, len));
  }

  boolean cutLongLine() {
    return cutLongLine;
  }

  /** The next chunk, or null at the end. */
  Chunk next() throws IOException {
    fill(chunkBytes);
    if (len == 0) {
      return null;
    }
    int cut;
    if (len < chunkBytes && eof) {
      cut = len;
    } else {
      cut = newlineAfter(chunkBytes - 1);
      while (cut < 0 && len < maxChunkBytes && !eof) {
        int before = len;
        fill(Math.min(maxChunkBytes, Math.max(len * 2, chunkBytes * 2)));
        cut = newlineAfter(before - 1);
      }
      if (cut < 0) {
        if (eof && len <= maxChunkBytes) {
          cut = len;
        } else {
          cut = Math.min(len, maxChunkBytes);
          while (cut > 1 && cut < len && (buf[cut] & 0xC0) == 0x80) {
            cut--; // never split a UTF-8 sequence
          }
          cutLongLine = true;
        }
      }
    }
    String text = new String(buf, 0, cut, StandardCharsets.UTF_8);
    Chunk chunk = new Chunk(text, nextLine, first, columnOffset);
    first = false;
    int newlines = 0;
    for (int i = 0; i < cut; i++) {
      newlines += buf[i] == '\n' ? 1 : 0; // branch-free: a simple counting loop
    }
    nextLine += newlines;
    int lastNewline = -1;
    for (int i = cut - 1; newlines > 0 && i >= 0; i--) {
      if (buf[i] == '\n') {
        lastNewline = i;
        break;
      }
    }
    columnOffset =
        lastNewline >= 0
            ? text.length() - text.lastIndexOf('\n') - 1
            : columnOffset + text.length();
    System.arraycopy(buf, cut, buf, 0, len - cut);
    len -= cut;
    return chunk;
  }

  /** Index just past the first newline at or after {@code from}, or -1. */
  private int newlineAfter(int from) {
    for (int i = Math.max(0, from); i < len; i++) {
      if (buf[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  private void fill(int want) throws IOException {
    int target = Math.min(want, maxChunkBytes + 1);
    while (len < target && !eof) {
      if (len == buf.length) {
        // grown only when full, so a buffer sized to a small file is never grown
        buf = Arrays.copyOf(buf, Math.min(maxChunkBytes + 1, Math.max(target, buf.length * 2)));
      }
      int n = in.read(buf, len, Math.min(target, buf.length) - len);
      if (n < 0) {
        eof = true;
      } else {
        len += n;
      }
    }
  }
}
