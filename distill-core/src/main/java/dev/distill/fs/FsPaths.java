package dev.distill.fs;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path rules for root filesystem entries: relative, '/'-separated, no '.', '..' or empty parts. */
public final class FsPaths {
  private FsPaths() {}

  /**
   * Normalises {@code path} to the relative form ({@code usr/bin/x}); a leading '/' or './' is
   * dropped. Throws {@link IllegalArgumentException} for a path that climbs out with '..'.
   */
  public static String normalise(String path) {
    if (path == null) {
      throw new IllegalArgumentException("path is null");
    }
    if (isNormal(path)) {
      return path; // most paths already are: this runs for every entry of every package
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new IllegalArgumentException("path climbs out of the root: " + path);
      }
      parts.addLast(part);
    }
    return String.join("/", parts);
  }

  /** Whether {@code path} has no empty, '.' or '..' part (so no leading or trailing '/'). */
  private static boolean isNormal(String path) {
    int n = path.length();
    int start = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || path.charAt(i) == '/') {
        int length = i - start;
        if (length == 0) {
          return n == 0;
        }
        if (path.charAt(start) == '.'
            && (length == 1 || (length == 2 && path.charAt(start + 1) == '.'))) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** The parent of a normalised path, or the empty string for a top-level entry. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /**
   * Resolves a symlink {@code target} written in the link at {@code linkPath} to a normalised path
   * inside the root; absolute targets start at the root and '..' never climbs above it (as the
   * kernel does inside a chroot).
   */
  public static String resolveLink(String linkPath, String target) {
    Deque<String> parts = new ArrayDeque<>();
    if (!target.startsWith("/")) {
      String parent = parent(normalise(linkPath));
      if (!parent.isEmpty()) {
        for (String p : parent.split("/")) {
          parts.addLast(p);
        }
      }
    }
    for (String part : target.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.removeLast();
        }
        continue;
      }
      parts.addLast(part);
    }
    return String.join("/", parts);
  }
}
