package dev.distill.fs;

/** The kinds of entry a root filesystem (and so an image layer) may hold. */
public enum EntryType {
  FILE,
  DIRECTORY,
  SYMLINK,
  /** A hard link; its {@code linkTarget} is the path of the entry it shares data with. */
  HARDLINK
}
