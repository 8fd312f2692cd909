package dev.distill.fs;

import java.util.Objects;

/**
 * One entry of an in-memory root filesystem. {@code path} is relative to the root without a leading
 * slash ({@code usr/bin/nginx}); {@code mode} holds the permission bits including setuid, setgid
 * and sticky (not the type bits); {@code origin} names the Debian package the entry came from, or
 * {@code distill} for files distill made itself.
 */
public final class FsEntry {
  private final String path;
  private final EntryType type;
  private final int mode;
  private final int uid;
  private final int gid;
  private final String linkTarget;
  private final FileContent content;
  private final String origin;

  private FsEntry(
      String path,
      EntryType type,
      int mode,
      int uid,
      int gid,
      String linkTarget,
      FileContent content,
      String origin) {
    this.path = FsPaths.normalise(path);
    this.type = Objects.requireNonNull(type);
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException(
          "mode has bits beyond 07777: " + Integer.toOctalString(mode));
    }
    this.mode = mode;
    this.uid = uid;
    this.gid = gid;
    this.linkTarget = linkTarget;
    this.content = content;
    this.origin = origin == null ? "distill" : origin;
    if ((type == EntryType.SYMLINK || type == EntryType.HARDLINK)
        && (linkTarget == null || linkTarget.isEmpty())) {
      throw new IllegalArgumentException(type + " " + path + " needs a link target");
    }
  }

  public static FsEntry file(
      String path, int mode, int uid, int gid, byte[] content, String origin) {
    return file(path, mode, uid, gid, FileContent.of(content), origin);
  }

  /** A regular file whose bytes are {@code content} (shared, not copied: it is immutable). */
  public static FsEntry file(
      String path, int mode, int uid, int gid, FileContent content, String origin) {
    return new FsEntry(
        path, EntryType.FILE, mode, uid, gid, null, Objects.requireNonNull(content), origin);
  }

  public static FsEntry directory(String path, int mode, int uid, int gid, String origin) {
    return new FsEntry(path, EntryType.DIRECTORY, mode, uid, gid, null, null, origin);
  }

  public static FsEntry symlink(String path, String target, int uid, int gid, String origin) {
    return new FsEntry(path, EntryType.SYMLINK, 0777, uid, gid, target, null, origin);
  }

  /** A hard link at {@code path} to the file at {@code targetPath} (relative to the root). */
  public static FsEntry hardlink(
      String path, String targetPath, int mode, int uid, int gid, String origin) {
    return new FsEntry(
        path, EntryType.HARDLINK, mode, uid, gid, FsPaths.normalise(targetPath), null, origin);
  }

  public String path() {
    return path;
  }

  public EntryType type() {
    return type;
  }

  public int mode() {
    return mode;
  }

  public int uid() {
    return uid;
  }

  public int gid() {
    return gid;
  }

  /** The symlink target as written, or the hard link's target path; null for files and dirs. */
  public String linkTarget() {
    return linkTarget;
  }

  /** A copy of the file's bytes (empty for anything but a regular file). */
  public byte[] content() {
    return content == null ? new byte[0] : content.bytes();
  }

  /** The file's bytes without a copy (empty for anything but a regular file). */
  public FileContent fileContent() {
    return content == null ? FileContent.empty() : content;
  }

  /** The size in bytes of a regular file's content; 0 for other entries. */
  public long size() {
    return content == null ? 0 : content.size();
  }

  public String origin() {
    return origin;
  }

  /** The same entry with other ownership and mode. */
  public FsEntry withOwnerAndMode(int newUid, int newGid, int newMode) {
    return new FsEntry(path, type, newMode, newUid, newGid, linkTarget, content, origin);
  }

  public boolean isSetuidOrSetgid() {
    return (mode & 06000) != 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FsEntry e
        && path.equals(e.path)
        && type == e.type
        && mode == e.mode
        && uid == e.uid
        && gid == e.gid
        && Objects.equals(linkTarget, e.linkTarget)
        && Objects.equals(content, e.content)
        && origin.equals(e.origin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, type, mode, uid, gid, linkTarget, Objects.hashCode(content), origin);
  }

  @Override
  public String toString() {
    return type
        + " "
        + path
        + " "
        + Integer.toOctalString(mode)
        + " "
        + uid
        + ":"
        + gid
        + (linkTarget == null ? "" : " -> " + linkTarget);
  }
}
