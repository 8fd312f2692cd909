package dev.distill.image;

import dev.distill.DistillException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes a blob while it is read and, at its end, checks size and digest against the descriptor; a
 * mismatch is a {@link DistillException} naming the blob.
 */
final class VerifyingInputStream extends ObservedInputStream {
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
  protected void seen(byte[] b, int off, int n) {
    md.update(b, off, n);
    count += n;
  }

  @Override
  protected void ended() {
    check();
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
