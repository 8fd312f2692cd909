package dev.distill.image.tar;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip with a fixed header (no file name, mtime 0, XFL 0, OS 255 "unknown") and a fixed compression
 * level, so the same input gives the same bytes with the same zlib. Closing finishes the gzip
 * member and closes the underlying stream.
 */
public final class DeterministicGzipOutputStream extends FilterOutputStream {
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final Deflater deflater;
  private final CRC32 crc = new CRC32();
  private final byte[] buf = new byte[65536];
  private long inputSize;
  private boolean finished;

  public DeterministicGzipOutputStream(OutputStream out, int level) throws IOException {
    super(out);
    this.deflater = new Deflater(level, true);
    out.write(HEADER);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (finished) {
      throw new IOException("gzip stream already finished");
    }
    if (len == 0) {
      return;
    }
    crc.update(b, off, len);
    inputSize += len;
    deflater.setInput(b, off, len);
    while (!deflater.needsInput()) {
      drain(Deflater.NO_FLUSH);
    }
  }

  /** Writes the remaining compressed data and the trailer without closing the stream. */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    deflater.finish();
    while (!deflater.finished()) {
      drain(Deflater.NO_FLUSH);
    }
    long c = crc.getValue();
    byte[] trailer = new byte[8];
    for (int i = 0; i < 4; i++) {
      trailer[i] = (byte) (c >>> (8 * i));
      trailer[4 + i] = (byte) (inputSize >>> (8 * i));
    }
    out.write(trailer);
    deflater.end();
    finished = true;
  }

  private void drain(int flush) throws IOException {
    int n = deflater.deflate(buf, 0, buf.length, flush);
    if (n > 0) {
      out.write(buf, 0, n);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      out.close();
    }
  }
}
