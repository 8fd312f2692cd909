package dev.distill.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies what is read into a side stream (to hash a layer blob as it is read). */
final class TeeInputStream extends FilterInputStream {
  private final OutputStream side;

  TeeInputStream(InputStream in, OutputStream side) {
    super(in);
    this.side = side;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      side.write(b);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      side.write(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long done = 0;
    while (done < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
