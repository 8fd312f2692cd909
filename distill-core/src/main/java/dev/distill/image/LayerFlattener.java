package dev.distill.image;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.FsPaths;
import dev.distill.fs.RootFs;
import dev.distill.image.tar.DigestingOutputStream;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies layer tars in order (bottom first) to one tree, honouring OCI whiteouts ({@code .wh.x}
 * removes x, {@code .wh..wh..opq} empties the directory of lower-layer content). Layers may be
 * plain tar, gzip or zstd (detected from the magic bytes). Each layer's diff_id is computed from
 * the uncompressed bytes.
 */
final class LayerFlattener {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private final Predicate<String> keepContent;
  private final TreeMap<String, FsEntry> entries = new TreeMap<>();
  private final TreeMap<String, ImageFile> files = new TreeMap<>();
  private int layerCount;

  LayerFlattener(Predicate<String> keepContent) {
    this.keepContent = keepContent;
  }

  private record Item(FsEntry entry, long size) {}

  /** What applying one layer found: its diff_id, uncompressed size and entry count. */
  record Applied(Digest diffId, long uncompressedSize, int entryCount) {}

  /**
   * Reads one layer from {@code blob} (which this method reads to the end); {@code what} names it
   * in errors. The diff_id is computed from the uncompressed tar.
   */
  Applied apply(InputStream blob, String what) {
    int index = layerCount++;
    List<Item> items = new ArrayList<>();
    List<String> whiteouts = new ArrayList<>();
    List<String> opaque = new ArrayList<>();
    DigestingOutputStream diff = new DigestingOutputStream(OutputStream.nullOutputStream());
    try {
      InputStream uncompressed = new TeeInputStream(decompress(blob, what), diff);
      TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed);
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String path = normalise(e.getName(), what);
        if (path.isEmpty()) {
          continue;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String parent = FsPaths.parent(path);
        if (name.equals(OPAQUE)) {
          opaque.add(parent);
          continue;
        }
        if (name.startsWith(WHITEOUT)) {
          String removed = name.substring(WHITEOUT.length());
          whiteouts.add(parent.isEmpty() ? removed : parent + "/" + removed);
          continue;
        }
        int mode = e.getMode() & 07777;
        int uid = (int) e.getLongUserId();
        int gid = (int) e.getLongGroupId();
        String origin = "layer:" + index;
        FsEntry entry;
        if (e.isDirectory()) {
          entry = FsEntry.directory(path, mode, uid, gid, origin);
        } else if (e.isSymbolicLink()) {
          entry = FsEntry.symlink(path, e.getLinkName(), uid, gid, origin);
        } else if (e.isLink()) {
          entry = FsEntry.hardlink(path, normalise(e.getLinkName(), what), mode, uid, gid, origin);
        } else if (e.isFile()) {
          byte[] content = keepContent.test(path) ? tar.readAllBytes() : new byte[0];
          entry = FsEntry.file(path, mode, uid, gid, content, origin);
          items.add(new Item(entry, e.getSize()));
          continue;
        } else {
          continue; // devices and fifos carry no data an image scanner needs
        }
        items.add(new Item(entry, 0));
      }
      uncompressed.transferTo(OutputStream.nullOutputStream());
    } catch (IOException | IllegalArgumentException e) {
      throw new DistillException(what + " is not a readable tar layer: " + e.getMessage(), e);
    }
    for (String dir : opaque) {
      removeChildren(dir);
    }
    for (String path : whiteouts) {
      entries.remove(path);
      files.remove(path);
      removeChildren(path);
    }
    for (Item item : items) {
      FsEntry entry = item.entry();
      FsEntry old = entries.get(entry.path());
      if (old != null && old.type() == EntryType.DIRECTORY && entry.type() != EntryType.DIRECTORY) {
        removeChildren(entry.path());
      }
      entries.put(entry.path(), entry);
      files.put(
          entry.path(),
          new ImageFile(
              entry.path(),
              entry.type(),
              entry.mode(),
              Integer.toUnsignedLong(entry.uid()),
              Integer.toUnsignedLong(entry.gid()),
              item.size(),
              entry.linkTarget(),
              index));
    }
    return new Applied(diff.digest(), diff.count(), items.size() + whiteouts.size());
  }

  private void removeChildren(String dir) {
    if (dir.isEmpty()) {
      entries.clear();
      files.clear();
      return;
    }
    // '0' is the character after '/', so this range is exactly "dir/..."
    entries.subMap(dir + "/", dir + "0").clear();
    files.subMap(dir + "/", dir + "0").clear();
  }

  List<ImageFile> files() {
    return List.copyOf(files.values());
  }

  RootFs rootFs() {
    RootFs.Builder b = RootFs.builder();
    entries.values().forEach(b::put);
    return b.build();
  }

  private static String normalise(String name, String what) {
    try {
      return FsPaths.normalise(name);
    } catch (IllegalArgumentException e) {
      throw new DistillException(what + " has an entry that climbs out of the root: " + name);
    }
  }

  private static InputStream decompress(InputStream in, String what) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, 65536);
    b.mark(4);
    byte[] magic = b.readNBytes(4);
    b.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(b, 65536);
    }
    if (magic.length == 4
        && (magic[0] & 0xff) == 0x28
        && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f
        && (magic[3] & 0xff) == 0xfd) {
      return new ZstdInputStream(b);
    }
    return b;
  }
}
