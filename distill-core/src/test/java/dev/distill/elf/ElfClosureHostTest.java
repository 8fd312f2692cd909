package dev.distill.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Computes closures over a RootFs made of this machine's real files and compares them with ldd,
 * which runs the real dynamic loader in trace mode.
 */
class ElfClosureHostTest {
  private static final String MULTIARCH = "/usr/lib/x86_64-linux-gnu";
  private static RootFs host;

  /**
   * Copies into memory: the root's usrmerge links, the multiarch library directory (its symlinks
   * and its *.so* files up to 8 MB — the few larger ones, such as libLLVM, are needed by none of
   * the binaries checked here; were one needed, the closure would fail, not pass), /usr/lib64,
   * ld.so.conf, the binaries under test and the JDK running this test.
   */
  @BeforeAll
  static void loadHostFiles() throws IOException {
    assertThat(Path.of(MULTIARCH)).as("this test needs an x86_64 Debian host").isDirectory();
    RootFs.Builder b = RootFs.builder();
    for (String top : List.of("/bin", "/sbin", "/lib", "/lib64")) {
      add(b, Path.of(top));
    }
    try (Stream<Path> s = Files.list(Path.of(MULTIARCH))) {
      for (Path p : s.collect(Collectors.toList())) {
        if (Files.isSymbolicLink(p)
            || (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                && p.getFileName().toString().contains(".so")
                && Files.size(p) <= 8_000_000)) {
          add(b, p);
        }
      }
    }
    addTree(b, Path.of("/usr/lib64"));
    addTree(b, Path.of("/etc/ld.so.conf.d"));
    add(b, Path.of("/etc/ld.so.conf"));
    for (String bin :
        List.of("/usr/bin/ls", "/usr/bin/curl", "/usr/bin/java", "/etc/alternatives/java")) {
      add(b, Path.of(bin));
    }
    Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
    add(b, javaHome.resolve("bin/java"));
    addTree(b, javaHome.resolve("lib"));
    host = b.build();
  }

  private static void addTree(RootFs.Builder b, Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.collect(Collectors.toList())) {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) <= 32_000_000) {
          add(b, p);
        }
      }
    }
  }

  private static void add(RootFs.Builder b, Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    String rel = p.toString().substring(1);
    if (Files.isSymbolicLink(p)) {
      b.put(FsEntry.symlink(rel, Files.readSymbolicLink(p).toString(), 0, 0, "host"));
    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      b.put(FsEntry.directory(rel, 0755, 0, 0, "host"));
    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      b.put(FsEntry.file(rel, 0644, 0, 0, Files.readAllBytes(p), "host"));
    }
  }

  @Test
  void lsClosureMatchesLdd() throws Exception {
    ElfClosure closure = compareWithLdd("/usr/bin/ls");
    // The interpreter path crosses two usrmerge-style links on Debian 12.
    assertThat(closure.paths()).contains("lib64", "usr/bin/ls");
  }

  @Test
  void curlClosureMatchesLdd() throws Exception {
    ElfClosure closure = compareWithLdd("/usr/bin/curl");
    assertThat(closure.paths()).anyMatch(p -> p.contains("libssl.so.3"));
  }

  @Test
  void javaLauncherClosureWithOriginMatchesLdd() throws Exception {
    ElfClosure closure = compareWithLdd("/usr/bin/java");
    assertThat(closure.paths()).contains("usr/bin/java", "etc/alternatives/java");
    assertThat(closure.paths()).anyMatch(p -> p.endsWith("/lib/libjli.so"));
  }

  /** The real files of the closure equal the real paths of ldd's libraries and interpreter. */
  private static ElfClosure compareWithLdd(String executable) throws Exception {
    assertThat(Path.of(executable)).exists();
    ElfClosure closure = ElfClosure.compute(host, List.of(executable));

    Set<String> ours = new TreeSet<>();
    for (String p : closure.paths()) {
      FsEntry e = host.get(p).orElseThrow();
      if (e.type() == EntryType.FILE) {
        ours.add("/" + p);
      }
    }
    Set<String> ldd = new TreeSet<>();
    ldd.add(Path.of(executable).toRealPath().toString());
    // ldd starts the program through ld.so, which then takes $ORIGIN from the path as typed; a
    // normal exec takes it from /proc/self/exe, the real path. Ask ldd about the real path so the
    // oracle matches what happens at run time.
    String realExecutable = Path.of(executable).toRealPath().toString();
    for (String line : HostTools.run("ldd", realExecutable).split("\n")) {
      String l = line.strip();
      String path;
      if (l.contains("=> /")) {
        path = l.substring(l.indexOf("=> ") + 3, l.lastIndexOf(" ("));
      } else if (l.startsWith("/")) {
        path = l.substring(0, l.lastIndexOf(" ("));
      } else {
        assertThat(l).as("unexpected ldd line for %s", executable).startsWith("linux-vdso");
        continue;
      }
      ldd.add(Path.of(path).toRealPath().toString());
    }
    assertThat(ours).as("closure of %s", executable).isEqualTo(ldd);
    // Every symlink in the closure leads somewhere inside the closure.
    for (String p : closure.paths()) {
      assertThat(host.get(p)).as(p).isPresent();
    }
    return closure;
  }
}
