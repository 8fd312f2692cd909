package dev.distill.pkgdb;

import java.util.List;
import java.util.Optional;

/**
 * Read access to a root filesystem, whatever holds it: a directory today, image layers later. Paths
 * are absolute inside the tree ({@code /var/lib/dpkg/status}).
 */
public interface FileTree {

  /** A short description for messages, e.g. the directory or image reference. */
  String describe();

  /** The content of the regular file at {@code path}, or empty when absent or not a file. */
  Optional<byte[]> read(String path);

  /** True when a regular file is at {@code path}. */
  default boolean exists(String path) {
    return read(path).isPresent();
  }

  /** Names of the entries directly inside directory {@code path}, sorted; empty when absent. */
  List<String> list(String path);

  /** Every entry in the tree (files, directories, links), sorted by path. */
  List<FileEntry> entries();

  /** The entry at {@code path}, following no links, or empty. */
  default Optional<FileEntry> entry(String path) {
    return entries().stream().filter(e -> e.path().equals(path)).findFirst();
  }
}
