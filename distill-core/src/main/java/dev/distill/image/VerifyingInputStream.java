package dev.distill.image;

import dev.distill.DistillException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes a blob while it is read and, at its end, checks size and digest against the descriptor; a
 * mismatch is a {@link DistillException} naming the blob.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final Descriptor expected;
  private final String what;
  private final MessageDigest md;
  private long count;
  private boolean checked;

  VerifyingInputStream(InputStream in, Descriptor expected, String what) {
    super(in);
    this.expected = expected;
    this.what = what;
    this.md = expected.digest().newMessageDigest();
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      check();
    } else {
      md.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      check();
    } else {
      md.update(b, off, n);
      count += n;
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

  private void check() {
    if (checked) {
      return;
    }
    checked = true;
    String actual = HexFormat.of().formatHex(md.digest());
    if (count != expected.size() || !actual.equals(expected.digest().hex())) {
      throw new DistillException(
          what
              + " is corrupt: expected "
              + expected.digest()
              + " ("
              + expected.size()
              + " bytes) but read "
              + expected.digest().algorithm()
              + ":"
              + actual
              + " ("
              + count
              + " bytes)");
    }
  }

  /** Reads whatever is left and verifies; for callers that stop early. */
  void drainAndVerify() throws IOException {
    byte[] buf = new byte[65536];
    while (read(buf, 0, buf.length) >= 0) {
      // keep reading to the end
    }
  }

  static byte[] readVerified(InputStream in, Descriptor d, String what) throws IOException {
    try (VerifyingInputStream v = new VerifyingInputStream(in, d, what)) {
      byte[] bytes = v.readAllBytes();
      v.check();
      return bytes;
    }
  }
}
