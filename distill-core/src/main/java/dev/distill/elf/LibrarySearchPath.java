package dev.distill.elf;

import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.FsPaths;
import dev.distill.fs.RootFs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The system library directories of a root filesystem, as ld.so would know them: those listed in
 * {@code etc/ld.so.conf} (with its {@code include} lines, usually {@code etc/ld.so.conf.d/*.conf})
 * and the trusted default directories.
 */
final class LibrarySearchPath {
  /** The directories searched for every machine after the ones of the object's own triplet. */
  static final List<String> DEFAULT_DIRS =
      List.of(
          "lib/x86_64-linux-gnu",
          "usr/lib/x86_64-linux-gnu",
          "lib/aarch64-linux-gnu",
          "usr/lib/aarch64-linux-gnu",
          "lib",
          "usr/lib",
          "lib64",
          "usr/lib64");

  private LibrarySearchPath() {}

  /** The trusted directories for an object of this machine and class. */
  static List<String> defaultDirs(ElfFile object) {
    Set<String> dirs = new LinkedHashSet<>();
    ElfMachine.multiarchTriplet(object.machine(), object.elfClass())
        .ifPresent(
            t -> {
              dirs.add("lib/" + t);
              dirs.add("usr/lib/" + t);
            });
    dirs.addAll(DEFAULT_DIRS);
    return List.copyOf(dirs);
  }

  /** The directories named by ld.so.conf (or, without it, by etc/ld.so.conf.d/*.conf). */
  static List<String> configuredDirs(RootFs fs) {
    Set<String> dirs = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    if (fs.resolve("etc/ld.so.conf").isPresent()) {
      readConf(fs, "etc/ld.so.conf", dirs, seen);
    } else {
      for (String conf : glob(fs, "etc/ld.so.conf.d/*.conf")) {
        readConf(fs, conf, dirs, seen);
      }
    }
    return List.copyOf(dirs);
  }

  private static void readConf(RootFs fs, String path, Set<String> dirs, Set<String> seen) {
    if (!seen.add(path) || seen.size() > 1000) {
      return;
    }
    Optional<FsEntry> entry = fs.resolve(path);
    if (entry.isEmpty() || entry.get().type() != EntryType.FILE) {
      return;
    }
    String text = new String(entry.get().content(), StandardCharsets.UTF_8);
    for (String raw : text.split("\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (line.isEmpty() || line.startsWith("hwcap ")) {
        continue;
      }
      if (line.startsWith("include")
          && line.length() > 7
          && Character.isWhitespace(line.charAt(7))) {
        for (String pattern : line.substring(8).strip().split("\\s+")) {
          String base = pattern.startsWith("/") ? pattern : FsPaths.parent(path) + "/" + pattern;
          for (String included : glob(fs, base)) {
            readConf(fs, included, dirs, seen);
          }
        }
        continue;
      }
      for (String dir : line.split("[\\s:,]+")) {
        int eq = dir.indexOf('=');
        String d = eq >= 0 ? dir.substring(0, eq) : dir;
        if (!d.isEmpty()) {
          dirs.add(FsPaths.resolveLink("", d.startsWith("/") ? d : "/" + d));
        }
      }
    }
  }

  /** Expands a pattern whose last component may hold '*' and '?', sorted as glob(3) sorts. */
  private static List<String> glob(RootFs fs, String pattern) {
    String normal = FsPaths.resolveLink("", pattern.startsWith("/") ? pattern : "/" + pattern);
    String dir = FsPaths.parent(normal);
    String namePattern = normal.substring(dir.isEmpty() ? 0 : dir.length() + 1);
    if (!namePattern.contains("*") && !namePattern.contains("?")) {
      return List.of(normal);
    }
    StringBuilder regex = new StringBuilder();
    for (char c : namePattern.toCharArray()) {
      if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    Optional<FsEntry> dirEntry = fs.resolve(dir);
    if (dirEntry.isEmpty() || dirEntry.get().type() != EntryType.DIRECTORY) {
      return List.of();
    }
    String realDir = dirEntry.get().path();
    List<String> out = new ArrayList<>();
    for (FsEntry e : fs.entries()) {
      String p = e.path();
      if (p.startsWith(realDir + "/")
          && p.indexOf('/', realDir.length() + 1) < 0
          && p.substring(realDir.length() + 1).matches(regex.toString())) {
        out.add(p);
      }
    }
    return out;
  }
}
