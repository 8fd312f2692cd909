package dev.distill.build;

import dev.distill.debian.ControlStanza;
import dev.distill.debian.deb.DebEntry;
import dev.distill.debian.deb.DebPackage;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pipeline step "unpack": the union of the files of every package as one in-memory tree (each
 * entry's origin is its package), plus each package's control stanza and md5sums. Nothing is
 * selected yet; no maintainer script runs.
 */
public record PackageUnion(
    RootFs files, Map<String, ControlStanza> controls, Map<String, Map<String, String>> md5sums) {

  public PackageUnion {
    controls = Map.copyOf(controls);
    md5sums = Map.copyOf(md5sums);
  }

  /**
   * Unpacks {@code packages} in order; the first package to ship a path keeps it, as dpkg would
   * refuse the second.
   */
  public static PackageUnion of(List<DebPackage> packages) {
    RootFs.Builder files = RootFs.builder();
    Map<String, ControlStanza> controls = new TreeMap<>();
    Map<String, Map<String, String>> md5sums = new TreeMap<>();
    for (DebPackage deb : packages) {
      String name = deb.packageName();
      controls.put(name, deb.control());
      md5sums.put(name, deb.md5sums());
      for (DebEntry e : deb.entries()) {
        if (e.path().isEmpty()) {
          continue;
        }
        files.putIfAbsent(toFsEntry(e, name));
      }
    }
    return new PackageUnion(files.build(), controls, md5sums);
  }

  static FsEntry toFsEntry(DebEntry e, String origin) {
    int uid = (int) e.uid();
    int gid = (int) e.gid();
    int mode = e.mode() & 07777;
    return switch (e.type()) {
      case FILE -> FsEntry.file(e.path(), mode, uid, gid, e.data(), origin);
      case DIRECTORY -> FsEntry.directory(e.path(), mode, uid, gid, origin);
      case SYMLINK -> FsEntry.symlink(e.path(), e.linkTarget(), uid, gid, origin);
      case HARDLINK -> FsEntry.hardlink(e.path(), e.linkTarget(), mode, uid, gid, origin);
    };
  }

  /** How many entries of each type the union holds (for progress and inspection). */
  public Map<EntryType, Long> counts() {
    Map<EntryType, Long> out = new TreeMap<>();
    files.entries().forEach(e -> out.merge(e.type(), 1L, Long::sum));
    return out;
  }
}
