package dev.distill.debian.deb;

import dev.distill.fs.FileContent;
import java.util.Objects;

/**
 * One file-system entry of a .deb's data archive.
 *
 * @param path normalised relative path without a leading "./" or "/", e.g. {@code usr/bin/nginx}
 * @param type what the entry is
 * @param mode permission bits including setuid (04000), setgid (02000) and sticky (01000)
 * @param uid numeric owner
 * @param gid numeric group
 * @param userName owner name as recorded in the archive (often "root"), or empty
 * @param groupName group name as recorded in the archive, or empty
 * @param linkTarget for a symlink the target as written; for a hardlink the normalised path of the
 *     entry it links to; empty otherwise
 * @param size content length of a regular file, 0 otherwise
 * @param mtimeEpochSeconds modification time recorded in the archive
 * @param data the bytes of a regular file (empty otherwise), shared without copying
 */
public record DebEntry(
    String path,
    EntryType type,
    int mode,
    long uid,
    long gid,
    String userName,
    String groupName,
    String linkTarget,
    long size,
    long mtimeEpochSeconds,
    FileContent data) {

  /** The kinds of entry a .deb may carry; devices and FIFOs are refused by the reader. */
  public enum EntryType {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK
  }

  public DebEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    userName = Objects.requireNonNullElse(userName, "");
    groupName = Objects.requireNonNullElse(groupName, "");
    linkTarget = Objects.requireNonNullElse(linkTarget, "");
    data = data == null ? FileContent.empty() : data;
    if (type == EntryType.FILE && data.size() != size) {
      throw new IllegalArgumentException(path + ": content length differs from size");
    }
  }

  /** A copy of the file's bytes (empty for anything but a regular file). */
  public byte[] content() {
    return data.bytes();
  }

  public boolean isFile() {
    return type == EntryType.FILE;
  }

  public boolean isDirectory() {
    return type == EntryType.DIRECTORY;
  }

  public boolean isSymlink() {
    return type == EntryType.SYMLINK;
  }

  public boolean isHardlink() {
    return type == EntryType.HARDLINK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DebEntry e
        && path.equals(e.path)
        && type == e.type
        && mode == e.mode
        && uid == e.uid
        && gid == e.gid
        && userName.equals(e.userName)
        && groupName.equals(e.groupName)
        && linkTarget.equals(e.linkTarget)
        && size == e.size
        && mtimeEpochSeconds == e.mtimeEpochSeconds
        && data.equals(e.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, type, mode, uid, gid, linkTarget, size) + 31 * data.hashCode();
  }

  @Override
  public String toString() {
    return String.format(
        "%s %s %04o %d/%d %d%s",
        type, path, mode, uid, gid, size, linkTarget.isEmpty() ? "" : " -> " + linkTarget);
  }
}
