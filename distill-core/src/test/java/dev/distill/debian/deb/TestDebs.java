package dev.distill.debian.deb;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Builds synthetic .deb files for tests, including malicious ones. */
public final class TestDebs {
  /** How a tar member is compressed. */
  public enum Compression {
    NONE(""),
    GZ(".gz"),
    XZ(".xz"),
    ZST(".zst");

    final String suffix;

    Compression(String suffix) {
      this.suffix = suffix;
    }
  }

  private String format = "2.0\n";
  private String control =
      "Package: hello\nVersion: 1.0-1\nArchitecture: amd64\nMaintainer: T <t@example.org>\n"
          + "Description: test\n multi-line\n";
  private final Map<String, String> extraControl = new LinkedHashMap<>();
  private final List<TarArchiveEntry> data = new ArrayList<>();
  private final Map<TarArchiveEntry, byte[]> contents = new LinkedHashMap<>();
  private Compression controlCompression = Compression.GZ;
  private Compression dataCompression = Compression.XZ;
  private boolean withData = true;

  public static TestDebs builder() {
    return new TestDebs().dir("./");
  }

  public TestDebs format(String f) {
    this.format = f;
    return this;
  }

  public TestDebs control(String c) {
    this.control = c;
    return this;
  }

  public TestDebs controlMember(String name, String text) {
    extraControl.put(name, text);
    return this;
  }

  public TestDebs compression(Compression controlC, Compression dataC) {
    this.controlCompression = controlC;
    this.dataCompression = dataC;
    return this;
  }

  public TestDebs withoutData() {
    this.withData = false;
    return this;
  }

  public TestDebs dir(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_DIR, true);
    e.setMode(0755);
    return add(e, null);
  }

  public TestDebs file(String name, int mode, String text) {
    return file(name, mode, text.getBytes(StandardCharsets.UTF_8));
  }

  public TestDebs file(String name, int mode, byte[] bytes) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
    e.setMode(mode);
    e.setSize(bytes.length);
    return add(e, bytes);
  }

  public TestDebs symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    e.setLinkName(target);
    e.setMode(0777);
    return add(e, null);
  }

  public TestDebs hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    e.setLinkName(target);
    e.setMode(0644);
    return add(e, null);
  }

  public TestDebs device(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_CHR, true);
    e.setDevMajor(1);
    e.setDevMinor(3);
    e.setMode(0666);
    return add(e, null);
  }

  /** Adds a prepared entry, e.g. one with a custom owner. */
  public TestDebs add(TarArchiveEntry e, byte[] content) {
    if (e.getUserName().isEmpty()) {
      e.setUserName("root");
      e.setGroupName("root");
    }
    e.setModTime(1_700_000_000_000L);
    data.add(e);
    if (content != null) {
      contents.put(e, content);
    }
    return this;
  }

  public byte[] build() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArArchiveOutputStream ar = new ArArchiveOutputStream(out)) {
        member(ar, "debian-binary", format.getBytes(StandardCharsets.US_ASCII));
        member(ar, "control.tar" + controlCompression.suffix, controlTar());
        if (withData) {
          member(ar, "data.tar" + dataCompression.suffix, dataTar());
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] controlTar() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (OutputStream c = compress(raw, controlCompression);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(c)) {
      TarArchiveEntry root = new TarArchiveEntry("./", TarConstants.LF_DIR);
      tar.putArchiveEntry(root);
      tar.closeArchiveEntry();
      Map<String, String> files = new LinkedHashMap<>();
      files.put("control", control);
      files.putAll(extraControl);
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] b = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry("./" + f.getKey());
        e.setSize(b.length);
        e.setMode(0644);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
      }
    }
    return raw.toByteArray();
  }

  private byte[] dataTar() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (OutputStream c = compress(raw, dataCompression);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(c)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      for (TarArchiveEntry e : data) {
        tar.putArchiveEntry(e);
        byte[] b = contents.get(e);
        if (b != null) {
          tar.write(b);
        }
        tar.closeArchiveEntry();
      }
    }
    return raw.toByteArray();
  }

  private static OutputStream compress(OutputStream raw, Compression c) throws IOException {
    return switch (c) {
      case NONE -> raw;
      case GZ -> new GZIPOutputStream(raw);
      case XZ -> new XZOutputStream(raw, new LZMA2Options(1));
      case ZST -> new ZstdOutputStream(raw);
    };
  }

  private static void member(ArArchiveOutputStream ar, String name, byte[] bytes)
      throws IOException {
    ArArchiveEntry e = new ArArchiveEntry(name, bytes.length, 0, 0, 0100644, 1_700_000_000L);
    ar.putArchiveEntry(e);
    ar.write(bytes);
    ar.closeArchiveEntry();
  }
}
