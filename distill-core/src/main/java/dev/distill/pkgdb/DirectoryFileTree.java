package dev.distill.pkgdb;

import dev.distill.DistillException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** A {@link FileTree} over a root filesystem unpacked in a directory (as {@code trivy rootfs}). */
public final class DirectoryFileTree implements FileTree {
  private final Path root;
  private List<FileEntry> entries;

  public DirectoryFileTree(Path root) {
    if (!Files.isDirectory(root)) {
      throw new DistillException(
          root + " is not a directory: give the path of an unpacked root filesystem");
    }
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public Optional<byte[]> read(String path) {
    Path p = resolve(path);
    if (p == null || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new DistillException("Cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean exists(String path) {
    Path p = resolve(path);
    return p != null && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public List<String> list(String path) {
    Path p = resolve(path);
    if (p == null || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.map(c -> c.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new DistillException("Cannot list " + p + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<FileEntry> entries() {
    if (entries == null) {
      List<FileEntry> out = new ArrayList<>();
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> !p.equals(root)).forEach(p -> out.add(entryOf(p)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.sort(Comparator.comparing(FileEntry::path));
      entries = List.copyOf(out);
    }
    return entries;
  }

  private FileEntry entryOf(Path p) {
    String rel = "/" + root.relativize(p).toString().replace('\\', '/');
    try {
      int mode;
      int uid = 0;
      int gid = 0;
      try {
        Map<String, Object> unix =
            Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        mode = ((Integer) unix.get("mode")) & 07777;
        uid = (Integer) unix.get("uid");
        gid = (Integer) unix.get("gid");
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        PosixFileAttributes a =
            Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        mode = bits(a.permissions());
      }
      FileEntry.Type type;
      if (Files.isSymbolicLink(p)) {
        type = FileEntry.Type.SYMLINK;
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        type = FileEntry.Type.DIRECTORY;
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        type = FileEntry.Type.FILE;
      } else {
        type = FileEntry.Type.OTHER;
      }
      long size = type == FileEntry.Type.FILE ? Files.size(p) : 0;
      return new FileEntry(rel, type, mode, uid, gid, size);
    } catch (IOException e) {
      throw new DistillException("Cannot read attributes of " + p + ": " + e.getMessage(), e);
    }
  }

  private static int bits(Set<PosixFilePermission> perms) {
    int m = 0;
    for (PosixFilePermission p : perms) {
      m |= 1 << (8 - p.ordinal());
    }
    return m;
  }

  /** Resolves an in-tree path without letting {@code ..} escape the root. */
  private Path resolve(String path) {
    String rel = path.startsWith("/") ? path.substring(1) : path;
    Path p = root.resolve(rel).normalize();
    return p.startsWith(root) ? p : null;
  }
}
