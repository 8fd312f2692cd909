package dev.distill.rootfs;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.FsPaths;
import dev.distill.fs.RootFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Helpers for copying entries of the package union into an image root filesystem. */
final class PackageFiles {
  private PackageFiles() {}

  /**
   * Puts {@code path}'s entry of {@code packages} into {@code builder}, with its parent directories
   * as the packages ship them (missing ones become 0755 root:root).
   */
  static void copyWithParents(RootFs packages, String path, RootFs.Builder builder) {
    List<String> parents = new ArrayList<>();
    for (String p = FsPaths.parent(path); !p.isEmpty(); p = FsPaths.parent(p)) {
      parents.add(0, p);
    }
    for (String parent : parents) {
      if (builder.contains(parent)) {
        continue;
      }
      Optional<FsEntry> dir = packages.get(parent);
      if (dir.isPresent() && dir.get().type() == EntryType.DIRECTORY) {
        builder.put(dir.get());
      } else {
        builder.mkdirs(parent);
      }
    }
    FsEntry entry =
        packages
            .get(path)
            .orElseThrow(() -> new IllegalStateException(path + " is not in the packages"));
    builder.put(entry.type() == EntryType.HARDLINK ? asFile(packages, entry) : entry);
  }

  /** A hard link turned into a regular file holding its data, with the link's owner and mode. */
  static FsEntry asFile(RootFs fs, FsEntry link) {
    FsEntry data = dataEntry(fs, link);
    return FsEntry.file(
        link.path(), link.mode(), link.uid(), link.gid(), data.fileContent(), link.origin());
  }

  /** The entry holding the data of a file or hard link, following hard links. */
  static FsEntry dataEntry(RootFs fs, FsEntry entry) {
    FsEntry current = entry;
    for (int hops = 0; hops < 40 && current.type() == EntryType.HARDLINK; hops++) {
      String target = current.linkTarget();
      current =
          fs.get(target)
              .orElseThrow(
                  () ->
                      new DistillException(
                          "hard link "
                              + entry.path()
                              + " points to "
                              + target
                              + ", which is missing"));
    }
    if (current.type() == EntryType.HARDLINK) {
      throw new DistillException("hard links starting at " + entry.path() + " loop");
    }
    return current;
  }

  /** The packages (origins other than distill) that contributed a non-directory entry. */
  static Set<String> contributingPackages(RootFs fs) {
    Set<String> out = new TreeSet<>();
    for (FsEntry e : fs.entries()) {
      if (e.type() != EntryType.DIRECTORY && !e.origin().equals("distill")) {
        out.add(e.origin());
      }
    }
    return out;
  }
}
