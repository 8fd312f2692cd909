package dev.distill.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream as chunks of about {@code chunkBytes}, cut after a newline, so the text fed to
 * each regex stays bounded whatever the input. A line longer than {@code maxChunkBytes} is cut (at
 * a UTF-8 character boundary) and {@link #cutLongLine()} reports it. Memory is bounded by {@code
 * maxChunkBytes}.
 */
final class ChunkReader {
  /**
   * One chunk: its bytes are {@link #buffer()}{@code [0, byteLength)} until the next call to {@link
   * #next()} (UTF-8, never cut inside a character); {@code startLine} is the 1-based line its first
   * character is on. The caller decodes it: it may know a cheaper way (all ASCII).
   */
  record Chunk(int byteLength, int startLine, boolean first, int startColumnOffset) {}

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
  private int consumed; // bytes at the buffer's start that the last chunk returned
  private boolean positionPending; // the next chunk's line and column are not yet worked out
  private int[] knownNewlines; // the last chunk's newline positions, when the caller found them

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

  /**
   * The first {@code n} bytes (for binary sniffing of the start). Reads as far as the first chunk
   * at once: a small file then takes one read (and one more to see its end) rather than two.
   */
  byte[] peek(int n) throws IOException {
    fill(Math.max(n, chunkBytes));
    return Arrays.copyOf(buf, Math.min(n, len));
  }

  boolean cutLongLine() {
    return cutLongLine;
  }

  /**
   * Where the newlines of the chunk {@link #next()} returned last are, if the caller found them
   * (spares looking again).
   */
  void lastChunkNewlines(int[] positions) {
    knownNewlines = positions;
  }

  /** The next chunk, or null at the end. */
  Chunk next() throws IOException {
    if (positionPending) {
      advancePosition(consumed);
      positionPending = false;
    }
    knownNewlines = null;
    // The last chunk's bytes stayed at the start of the buffer for its reader: drop them now.
    System.arraycopy(buf, consumed, buf, 0, len - consumed);
    len -= consumed;
    consumed = 0;
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
    Chunk chunk = new Chunk(cut, nextLine, first, columnOffset);
    first = false;
    positionPending = !(eof && cut == len); // only a later chunk needs it
    consumed = cut;
    return chunk;
  }

  /** Moves the line and column of the next chunk past {@code buf[0, cut)}. */
  private void advancePosition(int cut) {
    int newlines = 0;
    int lastNewline = -1;
    if (knownNewlines != null) {
      newlines = knownNewlines.length;
      lastNewline = newlines == 0 ? -1 : knownNewlines[newlines - 1];
    } else {
      for (int i = 0; i < cut; i++) {
        if (buf[i] == '\n') {
          newlines++;
          lastNewline = i;
        }
      }
    }
    nextLine += newlines;
    if (lastNewline == cut - 1) {
      columnOffset = 0;
    } else if (lastNewline >= 0) {
      columnOffset = chars(lastNewline + 1, cut);
    } else {
      columnOffset += chars(0, cut);
    }
  }

  /** How many chars {@code buf[from, to)} decodes to. */
  private int chars(int from, int to) {
    return new String(buf, from, to - from, StandardCharsets.UTF_8).length();
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
