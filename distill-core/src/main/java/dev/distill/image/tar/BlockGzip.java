package dev.distill.image.tar;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip that compresses fixed-size blocks on every core and joins them into one ordinary gzip member
 * (the technique pigz uses): each block is deflated on its own, primed with the last 32 KiB of the
 * block before it as the dictionary, and ends with a sync flush so the pieces join on a byte
 * boundary; only the last block finishes the stream. The output depends only on the input, the
 * level and {@link #BLOCK}, never on the number of threads, and any gunzip reads it. The header is
 * fixed (no file name, mtime 0, XFL 0, OS 255 "unknown").
 */
public final class BlockGzip {
  /** Input bytes per block; part of the output format (changing it changes every digest). */
  public static final int BLOCK = 1 << 20;

  private static final int WINDOW = 32 << 10;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[BLOCK + BLOCK / 8 + 64]);

  private BlockGzip() {}

  /** The gzip of {@code data[0, length)} at {@code level}. */
  public static byte[] compress(byte[] data, int length, int level) {
    int blocks = Math.max(1, (length + BLOCK - 1) / BLOCK);
    List<byte[]> pieces =
        IntStream.range(0, blocks)
            .parallel()
            .mapToObj(i -> deflateBlock(data, length, i, blocks, level))
            .toList();
    CRC32 crc = new CRC32();
    crc.update(data, 0, length);
    byte[] out = new byte[HEADER.length + pieces.stream().mapToInt(p -> p.length).sum() + 8];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    int at = HEADER.length;
    for (byte[] piece : pieces) {
      System.arraycopy(piece, 0, out, at, piece.length);
      at += piece.length;
    }
    long c = crc.getValue();
    for (int i = 0; i < 4; i++) {
      out[at + i] = (byte) (c >>> (8 * i));
      out[at + 4 + i] = (byte) (length >>> (8 * i));
    }
    return out;
  }

  private static byte[] deflateBlock(byte[] data, int length, int index, int blocks, int level) {
    int start = index * BLOCK;
    int end = Math.min(length, start + BLOCK);
    boolean last = index == blocks - 1;
    Deflater deflater = new Deflater(level, true);
    try {
      if (start > 0) {
        int dictionaryStart = Math.max(0, start - WINDOW);
        deflater.setDictionary(data, dictionaryStart, start - dictionaryStart);
      }
      deflater.setInput(data, start, end - start);
      if (last) {
        deflater.finish();
      }
      // Each worker thread reuses one output buffer: fresh memory is slow to touch on a cold JVM.
      byte[] out = SCRATCH.get();
      int size = 0;
      while (true) {
        if (size == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
          SCRATCH.set(out);
        }
        int n =
            deflater.deflate(
                out, size, out.length - size, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
        size += n;
        if (last ? deflater.finished() : size < out.length) {
          // Not last: a sync flush that left room in the buffer has written everything.
          break;
        }
      }
      return Arrays.copyOf(out, size);
    } finally {
      deflater.end();
    }
  }
}
