package dev.distill.image.tar;

import dev.distill.fs.FileContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal, fully deterministic tar writer (POSIX ustar, with a PAX extended header only when a
 * value does not fit a ustar field). Numeric owners with empty user and group names; the caller
 * supplies every mtime; no atime, ctime or xattrs are ever written. Directory names get a trailing
 * {@code /}. The caller writes entries in the order they should appear.
 */
public final class TarWriter implements AutoCloseable {
  private static final int BLOCK = 512;
  private static final long MAX_OCTAL_7 = 07777777L;
  private static final long MAX_OCTAL_11 = 077777777777L;

  private final OutputStream out;
  private long written;
  private boolean finished;

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  public void directory(String name, int mode, int uid, int gid, long mtime) throws IOException {
    String dirName = name.endsWith("/") ? name : name + "/";
    header(dirName, '5', mode, uid, gid, 0, mtime, "");
  }

  public void file(String name, int mode, int uid, int gid, long mtime, byte[] content)
      throws IOException {
    header(name, '0', mode, uid, gid, content.length, mtime, "");
    write(content, 0, content.length);
    pad(content.length);
  }

  /** A regular file holding {@code content}, written without an intermediate copy. */
  public void file(String name, int mode, int uid, int gid, long mtime, FileContent content)
      throws IOException {
    header(name, '0', mode, uid, gid, content.size(), mtime, "");
    content.writeTo(
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            TarWriter.this.write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            TarWriter.this.write(b, off, len);
          }
        });
    pad(content.size());
  }

  /** A regular file whose {@code size} bytes are read from {@code content}. */
  public void file(
      String name, int mode, int uid, int gid, long mtime, long size, InputStream content)
      throws IOException {
    header(name, '0', mode, uid, gid, size, mtime, "");
    byte[] buf = new byte[65536];
    long left = size;
    while (left > 0) {
      int n = content.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("content of " + name + " ended " + left + " bytes early");
      }
      write(buf, 0, n);
      left -= n;
    }
    pad(size);
  }

  public void symlink(String name, String target, int uid, int gid, long mtime) throws IOException {
    header(name, '2', 0777, uid, gid, 0, mtime, target);
  }

  public void hardlink(String name, String target, int mode, int uid, int gid, long mtime)
      throws IOException {
    header(name, '1', mode, uid, gid, 0, mtime, target);
  }

  /** Writes the two zero blocks that end an archive; does not close the stream. */
  public void finish() throws IOException {
    if (!finished) {
      write(new byte[2 * BLOCK], 0, 2 * BLOCK);
      finished = true;
    }
  }

  @Override
  public void close() throws IOException {
    finish();
    out.flush();
  }

  /** Bytes written so far. */
  public long bytesWritten() {
    return written;
  }

  private void header(
      String name, char type, int mode, int uid, int gid, long size, long mtime, String link)
      throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
    Map<String, String> pax = new LinkedHashMap<>();
    byte[] ustarName = nameBytes;
    byte[] prefix = new byte[0];
    if (nameBytes.length > 100) {
      int split = splitPoint(nameBytes);
      if (split < 0) {
        pax.put("path", name);
        ustarName = Arrays.copyOf(nameBytes, 100);
      } else {
        prefix = Arrays.copyOfRange(nameBytes, 0, split);
        ustarName = Arrays.copyOfRange(nameBytes, split + 1, nameBytes.length);
      }
    }
    if (linkBytes.length > 100) {
      pax.put("linkpath", link);
      linkBytes = Arrays.copyOf(linkBytes, 100);
    }
    if (uid < 0 || uid > MAX_OCTAL_7) {
      pax.put("uid", Long.toString(Integer.toUnsignedLong(uid)));
    }
    if (gid < 0 || gid > MAX_OCTAL_7) {
      pax.put("gid", Long.toString(Integer.toUnsignedLong(gid)));
    }
    if (size > MAX_OCTAL_11) {
      pax.put("size", Long.toString(size));
    }
    if (mtime < 0 || mtime > MAX_OCTAL_11) {
      throw new IllegalArgumentException("mtime out of range: " + mtime);
    }
    if (!pax.isEmpty()) {
      writePax(name, pax, mtime);
    }
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, ustarName);
    octal(h, 100, 8, mode & 07777);
    octal(h, 108, 8, uid < 0 || uid > MAX_OCTAL_7 ? 0 : uid);
    octal(h, 116, 8, gid < 0 || gid > MAX_OCTAL_7 ? 0 : gid);
    octal(h, 124, 12, size > MAX_OCTAL_11 ? 0 : size);
    octal(h, 136, 12, mtime);
    Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = (byte) type;
    put(h, 157, 100, linkBytes);
    put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    // uname/gname stay empty (numeric owners); devmajor/devminor are zero-filled octal
    octal(h, 329, 8, 0);
    octal(h, 337, 8, 0);
    put(h, 345, 155, prefix);
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(chk, 0, h, 148, 6);
    h[154] = 0;
    h[155] = ' ';
    write(h, 0, BLOCK);
  }

  /** Deterministic PAX header: fixed name from the entry's last component, same mtime, 0644. */
  private void writePax(String name, Map<String, String> records, long mtime) throws IOException {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> r : records.entrySet()) {
      body.append(paxRecord(r.getKey(), r.getValue()));
    }
    byte[] data = body.toString().getBytes(StandardCharsets.UTF_8);
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    String base = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    byte[] baseBytes = base.getBytes(StandardCharsets.UTF_8);
    String paxName =
        "PaxHeaders/"
            + new String(
                Arrays.copyOf(baseBytes, Math.min(baseBytes.length, 80)), StandardCharsets.UTF_8);
    header(paxName, 'x', 0644, 0, 0, data.length, mtime, "");
    write(data, 0, data.length);
    pad(data.length);
  }

  /** One "LEN key=value\n" record, where LEN counts the whole record including its own digits. */
  static String paxRecord(String key, String value) {
    int payload =
        key.getBytes(StandardCharsets.UTF_8).length
            + value.getBytes(StandardCharsets.UTF_8).length
            + 3; // ' ', '=', '\n'
    int len = payload + Integer.toString(payload).length();
    if (Integer.toString(len).length() != Integer.toString(payload).length()) {
      len = payload + Integer.toString(len).length();
    }
    return len + " " + key + "=" + value + "\n";
  }

  /** The index of a '/' that splits the name into prefix (≤155) and name (≤100), or -1. */
  private static int splitPoint(byte[] name) {
    int limit = Math.min(155, name.length - 1);
    for (int i = limit; i > 0; i--) {
      if (name[i] == '/' && name.length - i - 1 <= 100 && name.length - i - 1 > 0) {
        return i;
      }
    }
    return -1;
  }

  private static void put(byte[] h, int off, int len, byte[] value) {
    System.arraycopy(value, 0, h, off, Math.min(len, value.length));
  }

  /** Zero-padded octal with a trailing NUL, filling the field. */
  private static void octal(byte[] h, int off, int len, long value) {
    String s = Long.toOctalString(value);
    StringBuilder b = new StringBuilder();
    for (int i = s.length(); i < len - 1; i++) {
      b.append('0');
    }
    b.append(s);
    put(h, off, len - 1, b.toString().getBytes(StandardCharsets.US_ASCII));
    h[off + len - 1] = 0;
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      write(new byte[BLOCK - rest], 0, BLOCK - rest);
    }
  }

  private void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    written += len;
  }
}
