package dev.distill.pkgdb;

import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A {@link FileTree} over an in-memory {@link RootFs}, e.g. the flattened layers of an image. */
public final class RootFsFileTree implements FileTree {
  private final RootFs fs;
  private final String description;

  public RootFsFileTree(RootFs fs, String description) {
    this.fs = fs;
    this.description = description;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Optional<byte[]> read(String path) {
    return fs.resolve(path).flatMap(e -> Optional.ofNullable(dataOf(e)));
  }

  private byte[] dataOf(FsEntry e) {
    FsEntry current = e;
    // Hard links read back from a layer carry no data: follow them to the file that does.
    for (int hops = 0; hops < 40 && current.type() == EntryType.HARDLINK; hops++) {
      current = fs.get(current.linkTarget()).orElse(null);
      if (current == null) {
        return null;
      }
    }
    return current.type() == EntryType.FILE ? current.content() : null;
  }

  @Override
  public List<String> list(String path) {
    Optional<FsEntry> dir = fs.resolve(path);
    String prefix = dir.map(FsEntry::path).orElse(null);
    if (prefix == null && !path.replace("/", "").isEmpty()) {
      return List.of();
    }
    String base = prefix == null || prefix.isEmpty() ? "" : prefix + "/";
    TreeSet<String> names = new TreeSet<>();
    for (FsEntry e : fs.entries()) {
      if (e.path().startsWith(base) && e.path().length() > base.length()) {
        String rest = e.path().substring(base.length());
        if (!rest.contains("/")) {
          names.add(rest);
        }
      }
    }
    return new ArrayList<>(names);
  }

  @Override
  public List<FileEntry> entries() {
    List<FileEntry> out = new ArrayList<>();
    for (FsEntry e : fs.entries()) {
      FileEntry.Type type =
          switch (e.type()) {
            case FILE, HARDLINK -> FileEntry.Type.FILE;
            case DIRECTORY -> FileEntry.Type.DIRECTORY;
            case SYMLINK -> FileEntry.Type.SYMLINK;
          };
      out.add(new FileEntry("/" + e.path(), type, e.mode(), e.uid(), e.gid(), e.size()));
    }
    return out;
  }
}
