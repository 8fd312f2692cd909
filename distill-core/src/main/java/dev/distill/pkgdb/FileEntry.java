package dev.distill.pkgdb;

/**
 * One entry of a {@link FileTree}: absolute path, type, POSIX mode bits (including setuid/setgid
 * and sticky), owner ids and size.
 */
public record FileEntry(String path, Type type, int mode, int uid, int gid, long size) {

  /** The kind of entry. */
  public enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    OTHER
  }

  public boolean isSetuid() {
    return type == Type.FILE && (mode & 04000) != 0;
  }

  public boolean isSetgid() {
    return type == Type.FILE && (mode & 02000) != 0;
  }

  public boolean isWorldWritable() {
    return type != Type.SYMLINK && (mode & 0002) != 0;
  }

  public boolean isSticky() {
    return (mode & 01000) != 0;
  }
}
