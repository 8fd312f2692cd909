package dev.distill.debian.deb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.debian.ControlFile;
import dev.distill.debian.ControlStanza;
import dev.distill.debian.fetch.DebCache;
import dev.distill.debian.fetch.DebFetcher;
import dev.distill.debian.fetch.DebRef;
import dev.distill.debian.fetch.FetchedDeb;
import dev.distill.net.HttpFetcher;
import dev.distill.progress.ProgressListener;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/**
 * Downloads real packages from the Debian mirror through {@link DebFetcher} and checks the reader
 * against dpkg-deb and against each package's own md5sums.
 */
class DebReaderIT {
  private static final URI MIRROR = URI.create("http://deb.debian.org/debian/");
  private static final Set<String> PACKAGES =
      Set.of("base-files", "libc6", "ca-certificates", "tzdata", "nginx-common", "passwd");

  @TempDir static Path tmp;
  private static List<FetchedDeb> fetched;

  @BeforeAll
  static void fetch() throws Exception {
    fetched = fetcher(false).fetchAll(refs("bookworm", PACKAGES));
  }

  private static DebFetcher fetcher(boolean offline) {
    return new DebFetcher(
        new DebCache(tmp.resolve("cache")),
        HttpFetcher.defaults(),
        4,
        offline,
        ProgressListener.NONE);
  }

  /** References to the current versions of {@code names} in a suite's main amd64 index. */
  private static List<DebRef> refs(String suite, Set<String> names) throws Exception {
    URI index = MIRROR.resolve("dists/" + suite + "/main/binary-amd64/Packages.xz");
    Map<String, ControlStanza> found = new HashMap<>();
    try (InputStream in = new XZInputStream(HttpFetcher.defaults().open(index))) {
      ControlFile.parse(
          new InputStreamReader(in, StandardCharsets.UTF_8),
          index.toString(),
          s -> {
            String name = s.get("Package", "");
            if (names.contains(name)) {
              found.put(name, s);
            }
          });
    }
    assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(names);
    List<DebRef> refs = new ArrayList<>();
    for (ControlStanza s : found.values()) {
      refs.add(
          new DebRef(
              s.get("Package", ""),
              s.get("Version", ""),
              s.get("Architecture", ""),
              s.get("Filename", ""),
              MIRROR,
              s.get("SHA256", ""),
              Long.parseLong(s.get("Size", "-1"))));
    }
    return refs;
  }

  /** Trixie is merged-/usr (base-files ships /bin -> usr/bin); then offline from the cache. */
  @Test
  void readsTrixiePackagesAndServesThemOfflineFromTheCache() throws Exception {
    List<DebRef> refs = refs("trixie", Set.of("base-files", "libc6"));
    List<FetchedDeb> trixie = fetcher(false).fetchAll(refs);
    for (FetchedDeb f : trixie) {
      DebPackage p = assertListingMatchesDpkgDeb(f.path(), "trixie " + f.ref().packageName());
      assertMd5sums(p);
    }
    FetchedDeb baseFiles =
        trixie.stream()
            .filter(f -> f.ref().packageName().equals("base-files"))
            .findFirst()
            .orElseThrow();
    DebPackage base = DebReader.read(baseFiles.path());
    assertThat(base.entry("bin").orElseThrow().linkTarget()).isEqualTo("usr/bin");
    List<FetchedDeb> offline = fetcher(true).fetchAll(refs);
    assertThat(offline).noneMatch(FetchedDeb::downloaded);
    assertThat(offline)
        .extracting(FetchedDeb::path)
        .containsExactlyElementsOf(trixie.stream().map(FetchedDeb::path).toList());
  }

  @Test
  void fieldsMatchTheIndexAndDpkgDeb() throws Exception {
    for (FetchedDeb f : fetched) {
      DebPackage p = DebReader.read(f.path());
      assertThat(p.packageName()).isEqualTo(f.ref().packageName());
      assertThat(p.version()).isEqualTo(f.ref().version());
      assertThat(p.architecture()).isEqualTo(f.ref().architecture());
      String dpkgControl = run("dpkg-deb", "-f", f.path().toString());
      ControlStanza theirs = ControlFile.parse(dpkgControl, "dpkg-deb -f").get(0);
      assertThat(p.control().fields()).isEqualTo(theirs.fields());
    }
  }

  @Test
  void entriesMatchDpkgDebListingExactly() throws Exception {
    for (FetchedDeb f : fetched) {
      assertListingMatchesDpkgDeb(f.path(), f.ref().packageName());
    }
  }

  /**
   * Debian's archive ships xz members; dpkg-deb itself repacks real packages with zstd, gzip and no
   * compression, and the reader must see the same package in each.
   */
  @Test
  void readsRealPackagesRepackedByDpkgDebWithEveryCompression() throws Exception {
    for (FetchedDeb f : fetched) {
      String name = f.ref().packageName();
      if (!name.equals("base-files") && !name.equals("tzdata")) {
        continue;
      }
      DebPackage original = DebReader.read(f.path());
      Path tree = tmp.resolve("tree-" + name);
      run("dpkg-deb", "-R", f.path().toString(), tree.toString());
      for (String[] c : new String[][] {{"zstd", ".zst"}, {"gzip", ".gz"}, {"none", ""}}) {
        Path repacked = tmp.resolve(name + "-" + c[0] + ".deb");
        run("dpkg-deb", "-Z" + c[0], "-b", tree.toString(), repacked.toString());
        assertThat(arMembers(repacked)).contains("data.tar" + c[1]);
        DebPackage again = assertListingMatchesDpkgDeb(repacked, name + " " + c[0]);
        assertThat(again.control().fields()).isEqualTo(original.control().fields());
        assertThat(again.md5sums()).isEqualTo(original.md5sums());
        for (DebEntry e : original.entries()) {
          DebEntry other = again.entry(e.path()).orElseThrow();
          assertThat(other.content()).as(e.path()).isEqualTo(e.content());
          assertThat(other.mode()).as(e.path()).isEqualTo(e.mode());
          assertThat(other.linkTarget()).as(e.path()).isEqualTo(e.linkTarget());
        }
      }
    }
  }

  private static DebPackage assertListingMatchesDpkgDeb(Path deb, String what) throws Exception {
    DebPackage p = DebReader.read(deb);
    List<String> ours = new ArrayList<>();
    for (DebEntry e : p.entries()) {
      ours.add(render(e));
    }
    List<String> theirs = new ArrayList<>();
    for (String line : run("dpkg-deb", "-c", deb.toString()).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split(" +", 6);
      String name = cols[5];
      if (name.equals("./")) {
        continue;
      }
      // "<perms> <owner/group> <size> <date> <time> <name>"
      theirs.add(cols[0] + " " + cols[1] + " " + cols[2] + " " + name);
    }
    assertThat(ours).as(what).isNotEmpty().containsExactlyElementsOf(theirs);
    return p;
  }

  /** Renders an entry the way {@code dpkg-deb -c} (GNU tar's verbose listing) does. */
  private static String render(DebEntry e) {
    char type =
        switch (e.type()) {
          case DIRECTORY -> 'd';
          case SYMLINK -> 'l';
          case HARDLINK -> 'h';
          case FILE -> '-';
        };
    String name = "./" + e.path() + (e.isDirectory() ? "/" : "");
    if (e.isSymlink()) {
      name += " -> " + e.linkTarget();
    } else if (e.isHardlink()) {
      name += " link to ./" + e.linkTarget();
    }
    return type
        + perms(e.mode())
        + " "
        + e.userName()
        + "/"
        + e.groupName()
        + " "
        + e.size()
        + " "
        + name;
  }

  private static String perms(int mode) {
    char[] p = "rwxrwxrwx".toCharArray();
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) == 0) {
        p[i] = '-';
      }
    }
    if ((mode & 04000) != 0) {
      p[2] = p[2] == 'x' ? 's' : 'S';
    }
    if ((mode & 02000) != 0) {
      p[5] = p[5] == 'x' ? 's' : 'S';
    }
    if ((mode & 01000) != 0) {
      p[8] = p[8] == 'x' ? 't' : 'T';
    }
    return new String(p);
  }

  @Test
  void everyRegularFileMatchesThePackagesOwnMd5sums() throws Exception {
    int checked = 0;
    for (FetchedDeb f : fetched) {
      checked += assertMd5sums(DebReader.read(f.path()));
    }
    assertThat(checked).isGreaterThan(500);
  }

  private static int assertMd5sums(DebPackage p) throws Exception {
    assertThat(p.md5sums()).as(p.packageName()).isNotEmpty();
    for (Map.Entry<String, String> sum : p.md5sums().entrySet()) {
      DebEntry e = p.entry(sum.getKey()).orElseThrow();
      if (e.isHardlink()) {
        e = p.entry(e.linkTarget()).orElseThrow();
      }
      byte[] md5 = MessageDigest.getInstance("MD5").digest(e.content());
      assertThat(HexFormat.of().formatHex(md5)).as(sum.getKey()).isEqualTo(sum.getValue());
    }
    return p.md5sums().size();
  }

  @Test
  void readsKnownDetailsOfRealPackages() throws Exception {
    Map<String, DebPackage> byName = new HashMap<>();
    for (FetchedDeb f : fetched) {
      byName.put(f.ref().packageName(), DebReader.read(f.path()));
    }
    DebPackage passwd = byName.get("passwd");
    // passwd ships setuid-root helpers such as /usr/bin/passwd.
    assertThat(passwd.entry("usr/bin/passwd").orElseThrow().mode() & 04000).isNotZero();
    DebPackage base = byName.get("base-files");
    assertThat(base.entry("etc/debian_version").orElseThrow().isFile()).isTrue();
    assertThat(base.conffiles()).contains("/etc/debian_version");
    assertThat(base.entry("tmp").orElseThrow().mode()).isEqualTo(01777);
    DebPackage tz = byName.get("tzdata");
    assertThat(tz.entries()).anyMatch(DebEntry::isSymlink);
    assertThat(byName.get("nginx-common").conffiles()).contains("/etc/nginx/nginx.conf");
  }

  @Test
  void dataMembersUseTheCompressionsTheReaderSupports() throws Exception {
    Set<String> members = new java.util.TreeSet<>();
    for (FetchedDeb f : fetched) {
      members.addAll(arMembers(f.path()));
    }
    assertThat(members).contains("debian-binary", "data.tar.xz");
    assertThat(members)
        .allMatch(m -> m.matches("debian-binary|(control|data)\\.tar(\\.(gz|xz|zst))?"));
  }

  private static List<String> arMembers(Path deb) throws Exception {
    List<String> names = new ArrayList<>();
    try (ArArchiveInputStream ar = new ArArchiveInputStream(Files.newInputStream(deb))) {
      ArArchiveEntry m;
      while ((m = ar.getNextEntry()) != null) {
        names.add(m.getName());
      }
    }
    return names;
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    return out;
  }
}
