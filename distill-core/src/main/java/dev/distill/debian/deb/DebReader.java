package dev.distill.debian.deb;

import dev.distill.DistillException;
import dev.distill.debian.ControlFile;
import dev.distill.debian.ControlStanza;
import dev.distill.debian.deb.DebEntry.EntryType;
import dev.distill.fs.FileContent;
import dev.distill.io.ReadOnlyBufferChannel;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.tukaani.xz.XZInputStream;

/**
 * Reads a .deb (an ar archive of {@code debian-binary}, {@code control.tar*} and {@code data.tar*})
 * completely into a {@link DebPackage}, refusing anything unsafe or incomplete: an absolute path, a
 * {@code ..} component, an entry below a symlink, a hardlink to a file not in the package, a device
 * or FIFO, a duplicate path, and a truncated or corrupt archive. It never returns a partial result.
 */
public final class DebReader {
  private static final int MAX_CONTROL_MEMBER = 64 << 20;

  private DebReader() {}

  /** Reads the .deb at {@code file}, named by its file name in messages. */
  public static DebPackage read(Path file) {
    return read(file, file.getFileName().toString());
  }

  /**
   * Reads the .deb at {@code file}; {@code name} names it in messages (useful for cache files,
   * whose names are hashes), e.g. {@code nginx_1.22.1-9_amd64.deb}.
   */
  public static DebPackage read(Path file, String name) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(in, name);
    } catch (IOException e) {
      throw new DistillException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a .deb from {@code in} (not closed); {@code name} names the package in error messages.
   */
  public static DebPackage read(InputStream in, String name) {
    try {
      return new Parse(name, null).run(in);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      // Commons Compress reports some malformed headers as IllegalArgumentException.
      throw corrupt(name, e);
    }
  }

  /**
   * Reads a .deb held in {@code bytes} (from position 0 to the limit; not modified). The files of
   * an uncompressed data member ({@code data.tar}, as in distill's unpacked copies) are windows on
   * {@code bytes} rather than copies, so a build touches only the files it keeps; the caller
   * promises that nothing writes those bytes afterwards. Every check of {@link #read(InputStream,
   * String)} applies.
   */
  public static DebPackage read(ByteBuffer bytes, String name) {
    BufferStream in = new BufferStream(bytes.duplicate().position(0).slice());
    try {
      return new Parse(name, in).run(in);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw corrupt(name, e);
    }
  }

  /**
   * Writes {@code deb} again with its control and data members uncompressed ({@code control.tar},
   * {@code data.tar}), so later reads skip the decompression (xz is most of a warm build's time).
   * The copy is only re-encoded, not checked: read it with {@link #read(Path, String)}, which
   * applies every check to it as to the original.
   */
  public static void writeUncompressed(Path deb, String name, java.io.OutputStream out) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(deb))) {
      ArArchiveInputStream ar = new ArArchiveInputStream(in);
      var writer = new org.apache.commons.compress.archivers.ar.ArArchiveOutputStream(out);
      ArArchiveEntry member;
      while ((member = ar.getNextEntry()) != null) {
        String m = member.getName();
        byte[] content;
        String outName = m;
        if (m.startsWith("control.tar") || m.startsWith("data.tar")) {
          outName = m.substring(0, m.indexOf(".tar") + 4);
          content =
              new Parse(name, null)
                  .decompress(m, new ByteArrayInputStream(ar.readAllBytes()))
                  .readAllBytes();
        } else {
          content = ar.readAllBytes();
        }
        writer.putArchiveEntry(new ArArchiveEntry(outName, content.length, 0, 0, 0100644, 0));
        writer.write(content);
        writer.closeArchiveEntry();
      }
      writer.finish();
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw corrupt(name, e);
    }
  }

  private static DistillException corrupt(String name, Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new DistillException(
        name
            + " is truncated or corrupt ("
            + why
            + "). Delete it and download it again; if it keeps failing, the mirror serves a"
            + " damaged file.",
        e);
  }

  /** Counts the bytes read through it, to check the ar archive's exact length. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  /**
   * A stream over a buffer that knows how far it has been read: the ar reader above it takes
   * exactly the headers it parses, so after it names a member, the position is where that member's
   * data starts (where the in-place tar reader begins).
   */
  private static final class BufferStream extends InputStream {
    private final ByteBuffer buffer;

    BufferStream(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    int position() {
      return buffer.position();
    }

    @Override
    public int read() {
      return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!buffer.hasRemaining()) {
        return -1;
      }
      int n = Math.min(len, buffer.remaining());
      buffer.get(b, off, n);
      return n;
    }

    @Override
    public long skip(long n) {
      int k = (int) Math.max(0, Math.min(n, buffer.remaining()));
      buffer.position(buffer.position() + k);
      return k;
    }

    @Override
    public int available() {
      return buffer.remaining();
    }
  }

  /** The state of reading one package. */
  private static final class Parse {
    private final String name;

    /** The whole package when it is read from a buffer, else null. */
    private final BufferStream whole;

    Parse(String name, BufferStream whole) {
      this.name = name;
      this.whole = whole;
    }

    DebPackage run(InputStream source) throws IOException {
      CountingStream raw = new CountingStream(source);
      ArArchiveInputStream ar = new ArArchiveInputStream(raw);
      long expected = 8; // "!<arch>\n", then per member a 60-byte header and even-padded data
      ArArchiveEntry member = ar.getNextEntry();
      if (member == null || !member.getName().equals("debian-binary")) {
        throw refuse(
            "it is not a Debian package: the first ar member must be 'debian-binary', found "
                + (member == null ? "none" : "'" + member.getName() + "'"));
      }
      expected += 60 + member.getLength() + (member.getLength() & 1);
      String format = new String(memberBytes(ar, member, 64), StandardCharsets.US_ASCII);
      if (!format.startsWith("2.") || !format.endsWith("\n")) {
        throw refuse(
            "unsupported package format '" + format.strip() + "' in debian-binary (expected 2.0)");
      }
      Map<String, byte[]> control = null;
      List<DebEntry> entries = null;
      while ((member = ar.getNextEntry()) != null) {
        String m = member.getName();
        expected += 60 + member.getLength() + (member.getLength() & 1);
        if (m.startsWith("_")) {
          memberBytes(ar, member, Long.MAX_VALUE); // dpkg ignores members starting with '_'
        } else if (control == null && m.startsWith("control.tar")) {
          control = readControl(decompress(m, memberStream(ar, member)), m);
        } else if (control != null && entries == null && m.startsWith("data.tar")) {
          entries =
              whole != null && m.equals("data.tar")
                  ? readDataInPlace(ar, member)
                  : readData(streamed(decompress(m, memberStream(ar, member)), m), m);
        } else {
          throw refuse("unexpected ar member '" + m + "'");
        }
      }
      if (control == null || entries == null) {
        throw refuse(
            "it is truncated: the "
                + (control == null ? "control.tar" : "data.tar")
                + " member is missing");
      }
      raw.transferTo(java.io.OutputStream.nullOutputStream());
      if (raw.count != expected) {
        throw refuse(
            raw.count < expected
                ? "it is truncated: the ar archive ends "
                    + (expected - raw.count)
                    + " byte(s) early"
                : "it has " + (raw.count - expected) + " unexpected byte(s) after its last member");
      }
      return assemble(control, entries);
    }

    /** The member's content, checked to be as long as its header says. */
    private byte[] memberBytes(ArArchiveInputStream ar, ArArchiveEntry member, long limit)
        throws IOException {
      if (member.getLength() > limit) {
        throw refuse("ar member '" + member.getName() + "' is implausibly large");
      }
      byte[] b = ar.readAllBytes();
      if (b.length != member.getLength()) {
        throw refuse(
            "it is truncated: ar member '"
                + member.getName()
                + "' has "
                + b.length
                + " of "
                + member.getLength()
                + " bytes");
      }
      return b;
    }

    private InputStream memberStream(ArArchiveInputStream ar, ArArchiveEntry member)
        throws IOException {
      if (!member.getName().contains(".tar.")) {
        // A plain tar (distill's own unpacked copies) is read in place: no decompressor can be
        // fed a truncated member, the tar reader meets its end, and the ar length check below
        // still counts every byte.
        return ar;
      }
      // Buffer the compressed member so truncation is caught before decompression starts.
      return new ByteArrayInputStream(memberBytes(ar, member, Long.MAX_VALUE));
    }

    private InputStream decompress(String member, InputStream in) throws IOException {
      String suffix = member.substring(member.indexOf(".tar") + 4);
      return switch (suffix) {
        case "" -> in;
        case ".gz" -> new GZIPInputStream(in);
        case ".xz" -> new XZInputStream(in);
        case ".zst" -> new ZstdInputStream(in);
        default -> throw refuse("unsupported compression of ar member '" + member + "'");
      };
    }

    private Map<String, byte[]> readControl(InputStream in, String member) throws IOException {
      Map<String, byte[]> files = new LinkedHashMap<>();
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String path = normalise(e.getName(), member);
        if (e.isDirectory() && path.isEmpty()) {
          continue;
        }
        if (!isRegular(e) || path.contains("/")) {
          throw refuse(member + ": unexpected entry '" + e.getName() + "'");
        }
        if (e.getSize() > MAX_CONTROL_MEMBER) {
          throw refuse(member + ": entry '" + e.getName() + "' is implausibly large");
        }
        files.put(path, entryBytes(tar, e, member));
      }
      drain(in);
      return files;
    }

    /** A data archive's entries one by one (null at the end), and a regular file's bytes. */
    private interface TarSource {
      TarArchiveEntry next() throws IOException;

      FileContent content(TarArchiveEntry e) throws IOException;

      /** Called after the last entry: reads the rest, so damage past the last entry is seen. */
      void finish() throws IOException;
    }

    /** A data archive read from a stream: every file's bytes are read and copied. */
    private TarSource streamed(InputStream in, String member) {
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      return new TarSource() {
        @Override
        public TarArchiveEntry next() throws IOException {
          return tar.getNextEntry();
        }

        @Override
        public FileContent content(TarArchiveEntry e) throws IOException {
          return FileContent.of(entryBytes(tar, e, member));
        }

        @Override
        public void finish() throws IOException {
          drain(in);
        }
      };
    }

    /**
     * The plain {@code data.tar} member of a package held in a buffer, read without copying: the
     * tar reader seeks from header to header, and each file is a window on the buffer.
     */
    private List<DebEntry> readDataInPlace(ArArchiveInputStream ar, ArArchiveEntry member)
        throws IOException {
      String m = member.getName();
      int start = whole.position();
      if (member.getLength() > whole.available()) {
        throw refuse(
            "it is truncated: ar member '"
                + m
                + "' has "
                + whole.available()
                + " of "
                + member.getLength()
                + " bytes");
      }
      ByteBuffer tarBytes =
          whole.buffer.duplicate().position(start).limit(start + (int) member.getLength()).slice();
      List<DebEntry> entries;
      try (TarFile tar = new TarFile(new ReadOnlyBufferChannel(tarBytes))) {
        Iterator<TarArchiveEntry> all = tar.getEntries().iterator();
        entries =
            readData(
                new TarSource() {
                  @Override
                  public TarArchiveEntry next() {
                    return all.hasNext() ? all.next() : null;
                  }

                  @Override
                  public FileContent content(TarArchiveEntry e) {
                    long offset = e.getDataOffset();
                    if (offset < 0 || e.getSize() > tarBytes.limit() - offset) {
                      throw refuse(
                          "it is truncated: " + m + " entry '" + e.getName() + "' ends early");
                    }
                    return FileContent.window(tarBytes, offset, e.getSize());
                  }

                  @Override
                  public void finish() {}
                },
                m);
      }
      // Move the ar reader past the member by reading it in large pieces (its skip reads in small
      // ones), so its own count of the archive stays right.
      byte[] scratch = new byte[1 << 16];
      long passed = 0;
      for (int n; (n = ar.read(scratch)) > 0; ) {
        passed += n;
      }
      if (passed != member.getLength()) {
        throw refuse("it is truncated: ar member '" + m + "' ends early");
      }
      return entries;
    }

    private List<DebEntry> readData(TarSource tar, String member) throws IOException {
      List<DebEntry> entries = new ArrayList<>();
      Map<String, DebEntry> byPath = new HashMap<>();
      TarArchiveEntry e;
      while ((e = tar.next()) != null) {
        String path = normalise(e.getName(), member);
        if (path.isEmpty()) {
          if (!e.isDirectory()) {
            throw refuse(member + ": entry '" + e.getName() + "' has no name");
          }
          continue; // the root directory "./"
        }
        refuseThroughSymlink(path, byPath, member, e.getName());
        EntryType type;
        String target = "";
        FileContent content = null;
        if (e.isSymbolicLink()) {
          type = EntryType.SYMLINK;
          target = e.getLinkName();
          if (target == null || target.isEmpty()) {
            throw refuse(member + ": symlink '" + e.getName() + "' has no target");
          }
        } else if (e.isLink()) {
          type = EntryType.HARDLINK;
          target = normalise(e.getLinkName(), member);
          DebEntry linked = byPath.get(target);
          if (linked == null || !linked.isFile()) {
            throw refuse(
                member
                    + ": hardlink '"
                    + e.getName()
                    + "' points to '"
                    + e.getLinkName()
                    + "', which is not a regular file earlier in the package");
          }
        } else if (e.isDirectory()) {
          type = EntryType.DIRECTORY;
        } else if (isRegular(e)) {
          type = EntryType.FILE;
          content = tar.content(e);
        } else {
          throw refuse(
              member
                  + ": entry '"
                  + e.getName()
                  + "' is a "
                  + describeSpecial(e)
                  + ", which distill does not install");
        }
        DebEntry entry =
            new DebEntry(
                path,
                type,
                e.getMode() & 07777,
                e.getLongUserId(),
                e.getLongGroupId(),
                e.getUserName(),
                e.getGroupName(),
                target,
                content == null ? 0 : content.size(),
                e.getModTime().getTime() / 1000,
                content);
        if (byPath.putIfAbsent(path, entry) != null) {
          throw refuse(member + ": entry '" + e.getName() + "' appears twice");
        }
        entries.add(entry);
      }
      tar.finish();
      // A symlink may come after the entries below it in the archive: check those too.
      for (DebEntry entry : entries) {
        refuseThroughSymlink(entry.path(), byPath, member, entry.path());
      }
      return entries;
    }

    /** A plain file by its type flag alone (Commons Compress's isFile() guesses from the name). */
    private static boolean isRegular(TarArchiveEntry e) {
      byte flag = e.getLinkFlag();
      return flag == TarConstants.LF_NORMAL
          || flag == TarConstants.LF_OLDNORM
          || flag == TarConstants.LF_CONTIG;
    }

    private static String describeSpecial(TarArchiveEntry e) {
      if (e.isCharacterDevice()) {
        return "character device";
      }
      if (e.isBlockDevice()) {
        return "block device";
      }
      if (e.isFIFO()) {
        return "FIFO";
      }
      return "special file (tar type '" + (char) e.getLinkFlag() + "')";
    }

    /** Refuses a path one of whose parent directories is a symlink of this package. */
    private void refuseThroughSymlink(
        String path, Map<String, DebEntry> byPath, String member, String shownName) {
      int slash = path.indexOf('/');
      while (slash > 0) {
        DebEntry parent = byPath.get(path.substring(0, slash));
        if (parent != null && parent.isSymlink()) {
          throw refuse(
              member
                  + ": entry '"
                  + shownName
                  + "' lies below the symlink '"
                  + parent.path()
                  + "' -> '"
                  + parent.linkTarget()
                  + "', so it could be written outside its directory"
                  + (escapes(parent) ? " (the link points outside the package root)" : ""));
        }
        slash = path.indexOf('/', slash + 1);
      }
    }

    /** Whether a symlink's target, resolved from its directory, climbs above the root. */
    private static boolean escapes(DebEntry link) {
      String target = link.linkTarget();
      if (target.startsWith("/")) {
        return false;
      }
      int depth = link.path().split("/").length - 1;
      for (String part : target.split("/")) {
        if (part.equals("..")) {
          depth--;
          if (depth < 0) {
            return true;
          }
        } else if (!part.isEmpty() && !part.equals(".")) {
          depth++;
        }
      }
      return false;
    }

    private byte[] entryBytes(TarArchiveInputStream tar, TarArchiveEntry e, String member)
        throws IOException {
      if (e.getSize() > Integer.MAX_VALUE - 16) {
        throw refuse(member + ": entry '" + e.getName() + "' is too large");
      }
      byte[] b = tar.readAllBytes();
      if (b.length != e.getSize()) {
        throw refuse(
            "it is truncated: "
                + member
                + " entry '"
                + e.getName()
                + "' has "
                + b.length
                + " of "
                + e.getSize()
                + " bytes");
      }
      return b;
    }

    /** Reads the decompressor to its end, so a damaged trailer or checksum is noticed. */
    private static void drain(InputStream in) throws IOException {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }

    /** "./usr/bin/x" -> "usr/bin/x"; refuses absolute paths and ".." components. */
    private String normalise(String tarName, String member) {
      if (tarName == null) {
        throw refuse(member + ": an entry has no name");
      }
      if (tarName.startsWith("/")) {
        throw refuse(member + ": entry '" + tarName + "' has an absolute path");
      }
      StringBuilder out = new StringBuilder();
      for (String part : tarName.split("/")) {
        if (part.isEmpty() || part.equals(".")) {
          continue;
        }
        if (part.equals("..")) {
          throw refuse(member + ": entry '" + tarName + "' contains a '..' component");
        }
        if (part.indexOf('\0') >= 0) {
          throw refuse(member + ": entry '" + tarName + "' contains a NUL byte");
        }
        if (out.length() > 0) {
          out.append('/');
        }
        out.append(part);
      }
      return out.toString();
    }

    private DebPackage assemble(Map<String, byte[]> control, List<DebEntry> entries) {
      byte[] controlFile = control.get("control");
      if (controlFile == null) {
        throw refuse("control.tar has no 'control' file");
      }
      List<ControlStanza> stanzas =
          ControlFile.parse(new String(controlFile, StandardCharsets.UTF_8), name + ": control");
      if (stanzas.size() != 1 || stanzas.get(0).get("Package").isEmpty()) {
        throw refuse("the control file must hold exactly one stanza with a Package field");
      }
      Map<String, String> md5sums = new LinkedHashMap<>();
      byte[] sums = control.get("md5sums");
      if (sums != null) {
        for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
          if (line.isBlank()) {
            continue;
          }
          int space = line.indexOf(' ');
          if (space != 32) {
            throw refuse("md5sums: malformed line '" + line + "'");
          }
          md5sums.put(normalise(line.substring(space).strip(), "md5sums"), line.substring(0, 32));
        }
      }
      List<String> conffiles = new ArrayList<>();
      byte[] conf = control.get("conffiles");
      if (conf != null) {
        for (String line : new String(conf, StandardCharsets.UTF_8).split("\n")) {
          String l = line.strip();
          if (l.isEmpty()) {
            continue;
          }
          // Newer dpkg allows flags before the path, e.g. "remove-on-upgrade /etc/foo".
          conffiles.add(l.substring(l.lastIndexOf(' ') + 1));
        }
      }
      return new DebPackage(name, stanzas.get(0), md5sums, conffiles, control, entries);
    }

    private DistillException refuse(String problem) {
      return new DistillException(
          name
              + ": "
              + problem
              + ". distill refuses this package; if it came from a mirror, delete it from the"
              + " cache and fetch it again, and report the package if the problem stays.");
    }
  }
}
