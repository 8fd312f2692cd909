package dev.distill.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that shows every byte read through it to {@link #seen} and tells {@link #ended} at the
 * end; skipping reads through, so nothing passes unseen, and marks are not supported.
 */
abstract class ObservedInputStream extends FilterInputStream {
  ObservedInputStream(InputStream in) {
    super(in);
  }

  /** {@code n} bytes of {@code b} from {@code off} were read. */
  protected abstract void seen(byte[] b, int off, int n) throws IOException;

  /** The underlying stream ended (may be told more than once). */
  protected void ended() throws IOException {}

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      ended();
    } else {
      seen(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      ended();
    } else if (n > 0) {
      seen(b, off, n);
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
