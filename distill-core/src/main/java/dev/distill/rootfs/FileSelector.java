package dev.distill.rootfs;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.FsPaths;
import dev.distill.fs.LinkTrail;
import dev.distill.fs.RootFs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Picks the image's files from the union of all package entries and drops the rest (docs, man
 * pages, shells, package scripts…):
 *
 * <ul>
 *   <li>exact paths (the ELF closure, named files): each must exist; a path naming a directory (not
 *       a symlink to one) brings everything below it;
 *   <li>globs ({@code usr/share/nginx/**}, {@code etc/nginx/**}): each must match something;
 *       entries under usr/share/doc, man, info and lintian are left out of glob and directory
 *       matches unless a path names them;
 *   <li>every symlink kept brings the entries it leads to (when they exist);
 *   <li>every parent directory of a kept entry, with the mode and owner its package gives it;
 *   <li>hard links stay consistent: in each group of kept hard links the first path (in sorted
 *       order) becomes the regular file holding the data and the others link to it, so a sorted tar
 *       always names a link's target before the link.
 * </ul>
 */
public final class FileSelector implements RootFsStep {
  /** Left out of glob and directory matches: documentation the image does not need. */
  public static final List<String> DEFAULT_EXCLUDES =
      List.of("usr/share/doc/**", "usr/share/man/**", "usr/share/info/**", "usr/share/lintian/**");

  private final RootFs packages;
  private final Set<String> paths;
  private final List<String> globs;
  private final List<PathGlob> excludes;

  /**
   * @param packages the union of all package entries (origin = package name)
   * @param paths exact paths to keep (e.g. {@code ElfClosure.paths()} plus named files)
   * @param globs globs to keep
   * @param excludes globs left out of glob and directory matches (in addition to {@link
   *     #DEFAULT_EXCLUDES})
   */
  public FileSelector(
      RootFs packages,
      Collection<String> paths,
      Collection<String> globs,
      Collection<String> excludes) {
    this.packages = packages;
    this.paths = new TreeSet<>(paths);
    this.globs = List.copyOf(globs);
    List<PathGlob> ex = new ArrayList<>();
    for (String g : DEFAULT_EXCLUDES) {
      ex.add(PathGlob.of(g));
    }
    for (String g : excludes) {
      ex.add(PathGlob.of(g));
    }
    this.excludes = ex;
  }

  public FileSelector(RootFs packages, Collection<String> paths, Collection<String> globs) {
    this(packages, paths, globs, List.of());
  }

  /** The sorted paths of {@code packages} this selector keeps (before hard link fixing). */
  public Set<String> selectedPaths() {
    Set<String> keep = new TreeSet<>();
    for (String path : paths) {
      String asked = path.startsWith("/") ? path.substring(1) : path;
      LinkTrail trail =
          LinkTrail.walk(packages, asked)
              .orElseThrow(
                  () ->
                      new DistillException(
                          "path /"
                              + asked
                              + " is in none of the packages (or a symlink on the way dangles);"
                              + " check its spelling and the spec's package list"));
      keep.addAll(trail.entries());
      if (namesDirectory(asked)) {
        addTree(trail.target(), keep);
      }
    }
    for (String g : globs) {
      PathGlob glob = PathGlob.of(g);
      boolean matched = false;
      for (FsEntry e : packages.entries()) {
        if (glob.matches(e.path()) && !excluded(e.path())) {
          keep.add(e.path());
          matched = true;
        }
      }
      if (!matched) {
        throw new DistillException(
            "glob " + g + " matches no file of the packages; check it and the package list");
      }
    }
    followSymlinks(keep);
    return keep;
  }

  /**
   * Whether {@code path}'s last component is itself a directory; a symlink to a directory (such as
   * the usrmerge link {@code lib}) keeps only the link and the directory entry, not the tree.
   */
  private boolean namesDirectory(String path) {
    String normal = FsPaths.normalise(path);
    String parent = FsPaths.parent(normal);
    String name = normal.substring(parent.isEmpty() ? 0 : parent.length() + 1);
    String physicalParent =
        parent.isEmpty()
            ? ""
            : LinkTrail.walk(packages, parent).map(LinkTrail::target).orElse(null);
    if (physicalParent == null) {
      return false;
    }
    String physical = physicalParent.isEmpty() ? name : physicalParent + "/" + name;
    return packages.get(physical).map(e -> e.type() == EntryType.DIRECTORY).orElse(false);
  }

  private void addTree(String dir, Set<String> keep) {
    String prefix = dir + "/";
    for (FsEntry e : packages.entries()) {
      if (e.path().startsWith(prefix) && !excluded(e.path())) {
        keep.add(e.path());
      }
    }
  }

  private boolean excluded(String path) {
    for (PathGlob g : excludes) {
      if (g.matches(path)) {
        return true;
      }
    }
    return false;
  }

  /** Adds what kept symlinks lead to, until nothing new appears. */
  private void followSymlinks(Set<String> keep) {
    List<String> todo = new ArrayList<>(keep);
    Set<String> done = new TreeSet<>();
    while (!todo.isEmpty()) {
      String p = todo.remove(todo.size() - 1);
      if (!done.add(p)) {
        continue;
      }
      Optional<FsEntry> e = packages.get(p);
      if (e.isEmpty() || e.get().type() != EntryType.SYMLINK) {
        continue;
      }
      Optional<LinkTrail> trail = LinkTrail.walk(packages, p);
      if (trail.isPresent()) {
        for (String q : trail.get().entries()) {
          if (keep.add(q)) {
            todo.add(q);
          }
        }
      }
    }
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    Map<String, FsEntry> chosen = new TreeMap<>();
    for (String p : selectedPaths()) {
      chosen.put(p, packages.get(p).orElseThrow());
    }
    fixHardlinks(chosen);
    Map<String, FsEntry> withParents = new TreeMap<>(chosen);
    for (String p : chosen.keySet()) {
      for (String parent = FsPaths.parent(p);
          !parent.isEmpty() && !withParents.containsKey(parent);
          parent = FsPaths.parent(parent)) {
        Optional<FsEntry> dir = packages.get(parent);
        if (dir.isPresent() && dir.get().type() == EntryType.DIRECTORY) {
          withParents.put(parent, dir.get());
        }
      }
    }
    // Sorted order puts each directory before its children, so package modes win over defaults.
    for (FsEntry e : withParents.values()) {
      builder.put(e);
    }
  }

  /**
   * Rewrites the kept hard links so each group shares data with its first kept path, which becomes
   * a regular file.
   */
  private void fixHardlinks(Map<String, FsEntry> chosen) {
    Map<String, List<String>> groups = new HashMap<>();
    for (FsEntry e : chosen.values()) {
      if (e.type() == EntryType.HARDLINK) {
        FsEntry data = PackageFiles.dataEntry(packages, e);
        groups.computeIfAbsent(data.path(), k -> new ArrayList<>()).add(e.path());
        if (chosen.containsKey(data.path())) {
          groups.get(data.path()).add(data.path());
        }
      }
    }
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      FsEntry data = packages.get(group.getKey()).orElseThrow();
      List<String> members = new ArrayList<>(new TreeSet<>(group.getValue()));
      String first = members.get(0);
      FsEntry firstEntry = chosen.get(first);
      chosen.put(
          first,
          FsEntry.file(
              first,
              firstEntry.mode(),
              firstEntry.uid(),
              firstEntry.gid(),
              data.fileContent(),
              firstEntry.origin()));
      for (String other : members.subList(1, members.size())) {
        FsEntry o = chosen.get(other);
        chosen.put(other, FsEntry.hardlink(other, first, o.mode(), o.uid(), o.gid(), o.origin()));
      }
    }
  }
}
