package dev.distill.elf;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.FsPaths;
import dev.distill.fs.LinkTrail;
import dev.distill.fs.RootFs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The files a set of executables needs at run time, found the way ld.so finds them, without running
 * anything: each executable, its interpreter (PT_INTERP) and, breadth-first, every DT_NEEDED
 * library, searched in DT_RPATH (of the object and its loaders, when the object has no DT_RUNPATH),
 * DT_RUNPATH, the directories of {@code etc/ld.so.conf}, then the default multiarch and lib
 * directories. {@code $ORIGIN}, {@code $LIB} and {@code $PLATFORM} are expanded. Every symlink met
 * on the way (also usrmerge links such as {@code lib -> usr/lib}) is part of the closure together
 * with the file it leads to. Libraries of another ELF class or machine are skipped, as ld.so skips
 * them.
 *
 * <p>Each executable and each module (a dlopen'd library named by the spec) is treated as its own
 * process: a library already loaded under the same name or soname is reused.
 */
public final class ElfClosure {
  private final SortedSet<String> paths;
  private final List<Dependency> dependencies;
  private final List<String> notes;

  /**
   * One resolved DT_NEEDED (or PT_INTERP) edge.
   *
   * @param from the real path of the object that needs the library
   * @param name the DT_NEEDED name (or interpreter path)
   * @param path the path the library was found at (before following symlinks)
   * @param target the real path of the library file
   */
  public record Dependency(String from, String name, String path, String target) {}

  private ElfClosure(SortedSet<String> paths, List<Dependency> dependencies, List<String> notes) {
    this.paths = Collections.unmodifiableSortedSet(paths);
    this.dependencies = List.copyOf(dependencies);
    this.notes = List.copyOf(notes);
  }

  /** Every path (files and the symlinks leading to them) the executables need, sorted. */
  public SortedSet<String> paths() {
    return paths;
  }

  /** The resolved edges, in the order they were found. */
  public List<Dependency> dependencies() {
    return dependencies;
  }

  /**
   * Things worth telling the user, e.g. a library found only through an ld.so.conf directory, which
   * ld.so will find at run time only if the image has an /etc/ld.so.cache.
   */
  public List<String> notes() {
    return notes;
  }

  /** The closure of {@code executables} in {@code fs}. */
  public static ElfClosure compute(RootFs fs, Collection<String> executables) {
    return compute(fs, executables, List.of());
  }

  /**
   * The closure of {@code executables} and of the dlopen'd {@code modules} in {@code fs}.
   *
   * @throws DistillException when an executable or module is missing, a library cannot be found
   *     (the message names the executable and the library), or a file is not valid ELF ({@link
   *     ElfParseException})
   */
  public static ElfClosure compute(
      RootFs fs, Collection<String> executables, Collection<String> modules) {
    return new Walker(fs).run(executables, modules);
  }

  /** One loaded object of the process being walked. */
  private record Loaded(ElfFile elf, String target, String origin, Loaded loader) {}

  private static final class Walker {
    private final RootFs fs;
    private final List<String> configuredDirs;
    private final Map<String, ElfFile> parsed = new HashMap<>();
    private final Set<String> notElf = new java.util.HashSet<>();
    private final SortedSet<String> paths = new TreeSet<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();

    Walker(RootFs fs) {
      this.fs = fs;
      this.configuredDirs = LibrarySearchPath.configuredDirs(fs);
    }

    ElfClosure run(Collection<String> executables, Collection<String> modules) {
      for (String exe : executables) {
        process(exe, "executable");
      }
      for (String module : modules) {
        process(module, "module");
      }
      return new ElfClosure(paths, dependencies, new ArrayList<>(notes));
    }

    /** Walks one process rooted at {@code rootPath}. */
    private void process(String rootPath, String kind) {
      LinkTrail trail =
          LinkTrail.walk(fs, rootPath)
              .orElseThrow(
                  () ->
                      new DistillException(
                          kind
                              + " "
                              + rootPath
                              + " is in none of the packages (or a symlink to it dangles);"
                              + " check the path and the package list of the spec"));
      paths.addAll(trail.entries());
      addHardlinkTarget(trail.target());
      ElfFile rootElf = parse(trail.target());
      // ld.so takes $ORIGIN of the main program from its real path (/proc/self/exe).
      Loaded root = new Loaded(rootElf, trail.target(), FsPaths.parent(trail.target()), null);
      Map<String, Loaded> loadedByName = new LinkedHashMap<>();
      loadedByName.put(trail.target(), root);
      rootElf.soname().ifPresent(s -> loadedByName.put(s, root));

      if (rootElf.interpreter().isPresent()) {
        String interp = rootElf.interpreter().get();
        LinkTrail it =
            LinkTrail.walk(fs, interp)
                .orElseThrow(
                    () ->
                        new DistillException(
                            kind
                                + " "
                                + rootPath
                                + " needs the interpreter "
                                + interp
                                + ", which is in none of the packages; add the libc package"
                                + " of the image's architecture"));
        paths.addAll(it.entries());
        addHardlinkTarget(it.target());
        dependencies.add(
            new Dependency(trail.target(), interp, FsPaths.normalise(interp), it.target()));
        ElfFile interpElf = parse(it.target());
        Loaded interpLoaded = new Loaded(interpElf, it.target(), FsPaths.parent(interp), root);
        loadedByName.put(interp, interpLoaded);
        interpElf.soname().ifPresent(s -> loadedByName.putIfAbsent(s, interpLoaded));
      }

      Deque<Loaded> queue = new ArrayDeque<>();
      queue.add(root);
      Set<String> visited = new LinkedHashSet<>();
      visited.add(root.target());
      while (!queue.isEmpty()) {
        Loaded object = queue.poll();
        for (String needed : object.elf().needed()) {
          Loaded known = loadedByName.get(needed);
          if (known != null) {
            dependencies.add(
                new Dependency(object.target(), needed, known.target(), known.target()));
            continue;
          }
          Loaded lib = find(needed, object, kind, rootPath);
          loadedByName.put(needed, lib);
          lib.elf().soname().ifPresent(s -> loadedByName.putIfAbsent(s, lib));
          if (visited.add(lib.target())) {
            queue.add(lib);
          }
        }
      }
    }

    /** Searches {@code name} for {@code object} the way ld.so does. */
    private Loaded find(String name, Loaded object, String kind, String rootPath) {
      List<String> searched = new ArrayList<>();
      if (name.contains("/")) {
        Optional<Loaded> direct = tryCandidate(name, name, object, "path");
        if (direct.isPresent()) {
          return direct.get();
        }
        searched.add(name);
      } else {
        for (SearchDir dir : searchDirs(object)) {
          String candidate = dir.path().isEmpty() ? name : dir.path() + "/" + name;
          Optional<Loaded> hit = tryCandidate(name, candidate, object, dir.source());
          if (hit.isPresent()) {
            if (dir.source().equals("ld.so.conf")) {
              notes.add(
                  name
                      + " (needed by "
                      + object.target()
                      + ") was found only through the ld.so.conf directory /"
                      + dir.path()
                      + "; ld.so finds it at run time only with an /etc/ld.so.cache in the image");
            }
            return hit.get();
          }
          searched.add("/" + dir.path());
        }
      }
      String via =
          object.target().equals(FsPaths.normalise(rootPath)) ? "" : " via " + object.target();
      throw new DistillException(
          kind
              + " "
              + rootPath
              + " needs the library "
              + name
              + via
              + ", which is in none of the packages' library directories (searched "
              + String.join(", ", new LinkedHashSet<>(searched))
              + "); add the package that ships "
              + name
              + " to the spec");
    }

    private record SearchDir(String path, String source) {}

    private List<SearchDir> searchDirs(Loaded object) {
      List<SearchDir> dirs = new ArrayList<>();
      ElfFile elf = object.elf();
      if (elf.runpath().isEmpty()) {
        // DT_RPATH of the object, then of its loaders up to the executable (each when it has no
        // DT_RUNPATH).
        for (Loaded l = object; l != null; l = l.loader()) {
          if (l.elf().runpath().isEmpty()) {
            for (String entry : l.elf().rpath()) {
              dirs.add(new SearchDir(expand(entry, l), "DT_RPATH"));
            }
          }
        }
      } else {
        for (String entry : elf.runpath()) {
          dirs.add(new SearchDir(expand(entry, object), "DT_RUNPATH"));
        }
      }
      List<String> defaults = LibrarySearchPath.defaultDirs(elf);
      for (String dir : configuredDirs) {
        dirs.add(new SearchDir(dir, defaults.contains(dir) ? "default" : "ld.so.conf"));
      }
      for (String dir : defaults) {
        dirs.add(new SearchDir(dir, "default"));
      }
      return dirs;
    }

    /** Expands the dynamic string tokens of one RPATH/RUNPATH entry; '..' is kept for the walk. */
    private String expand(String entry, Loaded owner) {
      String lib =
          ElfMachine.multiarchTriplet(owner.elf().machine(), owner.elf().elfClass())
              .map(t -> "lib/" + t)
              .orElse(owner.elf().elfClass() == ElfClass.ELF64 ? "lib64" : "lib");
      String expanded =
          entry
              .replace("${ORIGIN}", "/" + owner.origin())
              .replace("$ORIGIN", "/" + owner.origin())
              .replace("${LIB}", lib)
              .replace("$LIB", lib)
              .replace("${PLATFORM}", ElfMachine.platform(owner.elf().machine()))
              .replace("$PLATFORM", ElfMachine.platform(owner.elf().machine()));
      // A relative entry is relative to the working directory, which distill takes to be '/'.
      String trimmed = expanded;
      while (trimmed.startsWith("/")) {
        trimmed = trimmed.substring(1);
      }
      while (trimmed.endsWith("/")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      return trimmed;
    }

    private Optional<Loaded> tryCandidate(
        String name, String candidate, Loaded requester, String source) {
      Optional<LinkTrail> trail = LinkTrail.walk(fs, candidate);
      if (trail.isEmpty()) {
        return Optional.empty();
      }
      Optional<FsEntry> entry = fs.get(trail.get().target());
      if (entry.isEmpty()
          || (entry.get().type() != EntryType.FILE && entry.get().type() != EntryType.HARDLINK)) {
        return Optional.empty();
      }
      Optional<ElfFile> parsedElf = parseIfElf(trail.get().target());
      if (parsedElf.isEmpty()) {
        return Optional.empty();
      }
      ElfFile elf = parsedElf.get();
      if (!elf.compatibleWith(requester.elf())) {
        return Optional.empty();
      }
      paths.addAll(trail.get().entries());
      addHardlinkTarget(trail.get().target());
      String found = FsPaths.resolveLink("", "/" + candidate);
      dependencies.add(new Dependency(requester.target(), name, found, trail.get().target()));
      // ld.so computes a library's $ORIGIN from the path it opened, symlinks unresolved.
      return Optional.of(new Loaded(elf, trail.get().target(), FsPaths.parent(found), requester));
    }

    /** The parsed file, or empty when it does not start with the ELF magic number. */
    private Optional<ElfFile> parseIfElf(String realPath) {
      if (notElf.contains(realPath)) {
        return Optional.empty();
      }
      ElfFile cached = parsed.get(realPath);
      if (cached != null) {
        return Optional.of(cached);
      }
      byte[] data = content(realPath);
      if (!ElfParser.isElf(data)) {
        notElf.add(realPath);
        return Optional.empty();
      }
      ElfFile elf = ElfParser.parse(realPath, data);
      parsed.put(realPath, elf);
      return Optional.of(elf);
    }

    private ElfFile parse(String realPath) {
      ElfFile cached = parsed.get(realPath);
      if (cached != null) {
        return cached;
      }
      ElfFile elf = ElfParser.parse(realPath, content(realPath));
      parsed.put(realPath, elf);
      return elf;
    }

    /** The bytes of a file entry, following hard links to the entry holding the data. */
    private byte[] content(String realPath) {
      String p = realPath;
      for (int hops = 0; hops < 40; hops++) {
        Optional<FsEntry> e = fs.get(p);
        if (e.isEmpty()) {
          throw new DistillException(realPath + ": hard link target " + p + " is missing");
        }
        if (e.get().type() != EntryType.HARDLINK) {
          return e.get().content();
        }
        p = e.get().linkTarget();
      }
      throw new DistillException(realPath + ": hard links loop");
    }

    private void addHardlinkTarget(String realPath) {
      Optional<FsEntry> e = fs.get(realPath);
      if (e.isPresent() && e.get().type() == EntryType.HARDLINK) {
        paths.add(e.get().linkTarget());
      }
    }
  }
}
