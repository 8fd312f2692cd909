package dev.distill.fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a path is reached inside a {@link RootFs}: every symlink met on the way (in any component,
 * e.g. the usrmerge link {@code lib -> usr/lib}) and the entry finally reached. Unlike {@link
 * RootFs#resolve}, the path may hold '..' components, which step to the parent of the real
 * directory reached so far, as the kernel does.
 *
 * @param path the path as asked, without a leading '/'
 * @param target the real path of the entry reached (never a symlink)
 * @param links the paths of the symlink entries followed, in order
 */
public record LinkTrail(String path, String target, List<String> links) {
  private static final int MAX_LINKS = 40;

  public LinkTrail {
    links = List.copyOf(links);
  }

  /** Every entry path of the trail: the links followed, then the target. */
  public Set<String> entries() {
    Set<String> all = new LinkedHashSet<>(links);
    all.add(target);
    return all;
  }

  /**
   * Walks {@code path} (absolute or relative to the root) through {@code fs}; empty when a
   * component is missing, a non-directory is walked through, or links loop.
   */
  public static Optional<LinkTrail> walk(RootFs fs, String path) {
    List<String> links = new ArrayList<>();
    List<String> pending = new ArrayList<>(Arrays.asList(path.split("/")));
    String current = "";
    int hops = 0;
    int i = 0;
    while (i < pending.size()) {
      String part = pending.get(i++);
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        current = FsPaths.parent(current);
        continue;
      }
      String candidate = current.isEmpty() ? part : current + "/" + part;
      Optional<FsEntry> found = fs.get(candidate);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      FsEntry entry = found.get();
      if (entry.type() == EntryType.SYMLINK) {
        if (++hops > MAX_LINKS) {
          return Optional.empty();
        }
        if (!links.contains(candidate)) {
          links.add(candidate);
        }
        List<String> rest = new ArrayList<>(pending.subList(i, pending.size()));
        pending = new ArrayList<>();
        String target = entry.linkTarget();
        if (!target.startsWith("/")) {
          pending.addAll(Arrays.asList(current.split("/")));
        }
        pending.addAll(Arrays.asList(target.split("/")));
        pending.addAll(rest);
        current = "";
        i = 0;
        continue;
      }
      boolean last =
          pending.subList(i, pending.size()).stream().allMatch(p -> p.isEmpty() || p.equals("."));
      if (!last && entry.type() != EntryType.DIRECTORY) {
        return Optional.empty();
      }
      current = candidate;
    }
    if (current.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LinkTrail(stripSlash(path), current, links));
  }

  private static String stripSlash(String path) {
    int i = 0;
    while (i < path.length() && path.charAt(i) == '/') {
      i++;
    }
    return path.substring(i);
  }
}
