package dev.distill.rootfs;

import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.FsPaths;
import dev.distill.fs.RootFs;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns a package union into the merged-/usr layout Debian uses since bookworm's installers and
 * trixie's base-files: entries under {@code bin}, {@code sbin}, {@code lib}, {@code lib32}, {@code
 * lib64} and {@code libx32} move below {@code usr/}, and those top-level names become symlinks
 * ({@code lib -> usr/lib}). Relative symlink targets of moved entries that climb with '..' are
 * rewritten as absolute paths so they still lead where they led; hard link targets are moved too.
 * Where a package ships the same path on both sides, the {@code usr/} entry wins. Run it on the
 * union before the ELF closure and the {@link FileSelector}, so both see one consistent tree.
 */
public final class UsrMerge {
  /** The top-level directories merged into /usr. */
  public static final List<String> MERGED =
      List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

  private UsrMerge() {}

  public static RootFs apply(RootFs union) {
    TreeMap<String, FsEntry> out = new TreeMap<>();
    TreeMap<String, FsEntry> moved = new TreeMap<>();
    boolean[] present = new boolean[MERGED.size()];
    for (FsEntry e : union.entries()) {
      int top = topIndex(e.path());
      if (top < 0) {
        out.put(
            e.path(),
            e.type() == EntryType.HARDLINK
                ? FsEntry.hardlink(
                    e.path(), moveTarget(e.linkTarget()), e.mode(), e.uid(), e.gid(), e.origin())
                : e);
        continue;
      }
      if (e.path().equals(MERGED.get(top))) {
        // The top-level directory (or an existing link) itself; replaced by the link below.
        present[top] = true;
        continue;
      }
      present[top] = true;
      moved.put("usr/" + e.path(), relocate(e));
    }
    moved.forEach(out::putIfAbsent);
    RootFs.Builder b = RootFs.builder();
    for (FsEntry e : out.values()) {
      b.put(e);
    }
    for (int i = 0; i < MERGED.size(); i++) {
      if (present[i]) {
        String dir = MERGED.get(i);
        b.mkdirs("usr/" + dir);
        b.put(FsEntry.symlink(dir, "usr/" + dir, 0, 0, "distill"));
      }
    }
    return b.build();
  }

  private static int topIndex(String path) {
    String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    return MERGED.indexOf(top);
  }

  private static String moveTarget(String path) {
    return topIndex(path) >= 0 ? "usr/" + path : path;
  }

  private static FsEntry relocate(FsEntry e) {
    String to = "usr/" + e.path();
    return switch (e.type()) {
      case FILE -> FsEntry.file(to, e.mode(), e.uid(), e.gid(), e.fileContent(), e.origin());
      case DIRECTORY -> FsEntry.directory(to, e.mode(), e.uid(), e.gid(), e.origin());
      case SYMLINK ->
          FsEntry.symlink(
              to,
              e.linkTarget().startsWith("/") || !climbs(e.linkTarget())
                  ? e.linkTarget()
                  : "/" + FsPaths.resolveLink(e.path(), e.linkTarget()),
              e.uid(),
              e.gid(),
              e.origin());
      case HARDLINK ->
          FsEntry.hardlink(to, moveTarget(e.linkTarget()), e.mode(), e.uid(), e.gid(), e.origin());
    };
  }

  private static boolean climbs(String target) {
    for (String part : target.split("/")) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code fs} already has the merged layout (every present top-level name is a link). */
  public static boolean isMerged(RootFs fs) {
    for (String dir : MERGED) {
      var e = fs.get(dir);
      if (e.isPresent() && e.get().type() != EntryType.SYMLINK) {
        return false;
      }
    }
    return true;
  }
}
