package dev.distill.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies what is read into a side stream (to hash a layer blob as it is read). */
final class TeeInputStream extends ObservedInputStream {
  private final OutputStream side;

  TeeInputStream(InputStream in, OutputStream side) {
    super(in);
    this.side = side;
  }

  @Override
  protected void seen(byte[] b, int off, int n) throws IOException {
    side.write(b, off, n);
  }
}
