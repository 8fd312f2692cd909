package dev.distill.fs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable in-memory root filesystem: entries sorted by path. Built with {@link Builder}, which
 * creates missing parent directories (0755 root:root) so every entry has a parent.
 */
public final class RootFs {
  private final TreeMap<String, FsEntry> entries;

  private RootFs(TreeMap<String, FsEntry> entries) {
    this.entries = entries;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this filesystem's entries, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.entries.putAll(entries);
    return b;
  }

  public Optional<FsEntry> get(String path) {
    return Optional.ofNullable(entries.get(FsPaths.normalise(path)));
  }

  /** All entries sorted by path. */
  public Collection<FsEntry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  public int size() {
    return entries.size();
  }

  /**
   * Follows symlinks from {@code path} (in every component) to the entry it names, or empty when it
   * dangles or loops.
   */
  public Optional<FsEntry> resolve(String path) {
    String current = FsPaths.normalise(path);
    for (int hops = 0; hops < 40; hops++) {
      String resolved = resolveParents(current);
      if (resolved == null) {
        return Optional.empty();
      }
      FsEntry e = entries.get(resolved);
      if (e == null) {
        return Optional.empty();
      }
      if (e.type() != EntryType.SYMLINK) {
        return Optional.of(e);
      }
      current = FsPaths.resolveLink(resolved, e.linkTarget());
    }
    return Optional.empty();
  }

  /** Resolves symlinks in the directory part of {@code path}; null when a parent dangles. */
  private String resolveParents(String path) {
    if (path.isEmpty()) {
      return path;
    }
    String parent = FsPaths.parent(path);
    String name = path.substring(parent.isEmpty() ? 0 : parent.length() + 1);
    if (parent.isEmpty()) {
      return name;
    }
    Optional<FsEntry> dir = resolve(parent);
    if (dir.isEmpty() || dir.get().type() != EntryType.DIRECTORY) {
      return null;
    }
    return dir.get().path() + "/" + name;
  }

  /** Collects entries; later puts replace earlier ones at the same path. */
  public static final class Builder {
    private final TreeMap<String, FsEntry> entries = new TreeMap<>();

    public Builder put(FsEntry entry) {
      mkdirs(FsPaths.parent(entry.path()));
      entries.put(entry.path(), entry);
      return this;
    }

    public Builder putIfAbsent(FsEntry entry) {
      if (!entries.containsKey(entry.path())) {
        put(entry);
      }
      return this;
    }

    public boolean contains(String path) {
      return entries.containsKey(FsPaths.normalise(path));
    }

    public Optional<FsEntry> get(String path) {
      return Optional.ofNullable(entries.get(FsPaths.normalise(path)));
    }

    public Builder remove(String path) {
      entries.remove(FsPaths.normalise(path));
      return this;
    }

    /** Creates {@code path} and its missing parents as 0755 root-owned directories. */
    public Builder mkdirs(String path) {
      String p = FsPaths.normalise(path);
      List<String> missing = new ArrayList<>();
      while (!p.isEmpty() && !entries.containsKey(p)) {
        missing.add(p);
        p = FsPaths.parent(p);
      }
      for (String dir : missing) {
        entries.put(dir, FsEntry.directory(dir, 0755, 0, 0, "distill"));
      }
      return this;
    }

    public RootFs build() {
      return new RootFs(new TreeMap<>(entries));
    }
  }
}
