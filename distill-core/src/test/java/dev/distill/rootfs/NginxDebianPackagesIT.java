package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.debian.ControlFile;
import dev.distill.debian.ControlStanza;
import dev.distill.elf.ElfClosure;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bookworm nginx and its libraries from deb.debian.org (fetched with apt-get download and
 * unpacked with dpkg-deb, standing in for distill's own .deb reader, which lives elsewhere):
 * usrmerge, ELF closure, selection and the distroless conventions on real package content, with
 * readelf as the oracle for DT_NEEDED.
 */
class NginxDebianPackagesIT {
  private static final List<String> PACKAGES =
      List.of(
          "nginx",
          "nginx-common",
          "libc6",
          "libcrypt1",
          "libpcre2-8-0",
          "libssl3",
          "zlib1g",
          "libgcc-s1",
          "gcc-12-base",
          "ca-certificates",
          "tzdata");

  @TempDir Path work;

  @Test
  void nginxBecomesAHardenedDistrolessTree() throws Exception {
    Path debs = Files.createDirectories(work.resolve("debs"));
    List<String> command = new ArrayList<>(List.of("apt-get", "download", "-q"));
    command.addAll(PACKAGES);
    run(debs, command.toArray(String[]::new));

    RootFs.Builder union = RootFs.builder();
    Map<String, ControlStanza> controls = new TreeMap<>();
    Map<String, Map<String, String>> md5sums = new TreeMap<>();
    try (Stream<Path> files = Files.list(debs)) {
      for (Path deb : files.filter(p -> p.toString().endsWith(".deb")).sorted().toList()) {
        Path data = work.resolve("data-" + deb.getFileName());
        Path control = work.resolve("control-" + deb.getFileName());
        run(work, "dpkg-deb", "-x", deb.toString(), data.toString());
        run(work, "dpkg-deb", "-e", deb.toString(), control.toString());
        ControlStanza stanza =
            ControlFile.parse(Files.readString(control.resolve("control")), deb.toString()).get(0);
        String pkg = stanza.get("Package").orElseThrow();
        controls.put(pkg, stanza);
        Path sums = control.resolve("md5sums");
        if (Files.exists(sums)) {
          md5sums.put(pkg, DpkgStatusD.parseMd5sums(Files.readString(sums), pkg + " md5sums"));
        }
        load(union, data, pkg);
      }
    }
    assertThat(controls.keySet()).containsExactlyInAnyOrderElementsOf(new TreeSet<>(PACKAGES));
    RootFs packages = UsrMerge.apply(union.build());

    ElfClosure closure = ElfClosure.compute(packages, List.of("usr/sbin/nginx"));

    // Oracle: every DT_NEEDED readelf reports for nginx is resolved from nginx.
    Path nginxOnDisk =
        Files.list(work)
            .filter(p -> p.getFileName().toString().startsWith("data-nginx_"))
            .findFirst()
            .orElseThrow()
            .resolve("usr/sbin/nginx");
    Set<String> readelfNeeded = new TreeSet<>();
    for (String line : run(work, "readelf", "-dW", nginxOnDisk.toString()).split("\n")) {
      if (line.contains("(NEEDED)")) {
        readelfNeeded.add(line.substring(line.indexOf('[') + 1, line.lastIndexOf(']')));
      }
    }
    Set<String> resolvedFromNginx = new TreeSet<>();
    for (ElfClosure.Dependency d : closure.dependencies()) {
      if (d.from().equals("usr/sbin/nginx") && !d.name().startsWith("/")) {
        resolvedFromNginx.add(d.name());
      }
    }
    assertThat(resolvedFromNginx).isEqualTo(readelfNeeded).contains("libssl.so.3", "libc.so.6");
    Set<String> owners = new TreeSet<>();
    for (String p : closure.paths()) {
      FsEntry e = packages.get(p).orElseThrow();
      if (e.type() == EntryType.FILE) {
        owners.add(e.origin());
      }
    }
    assertThat(owners)
        .containsExactlyInAnyOrder(
            "nginx", "libc6", "libcrypt1", "libpcre2-8-0", "libssl3", "zlib1g");

    RootFs image =
        DistrolessRootFs.builder(packages)
            .executables(List.of("usr/sbin/nginx"))
            .globs(List.of("etc/nginx/**", "usr/share/nginx/**"))
            .suite("bookworm", null)
            .tzdata(true)
            .packageData(controls, md5sums)
            .build()
            .assemble();

    assertThat(image.resolve("lib64/ld-linux-x86-64.so.2")).isPresent();
    assertThat(image.get("etc/nginx/nginx.conf")).isPresent();
    assertThat(image.get("usr/share/zoneinfo/Europe/Paris")).isPresent();
    assertThat(image.get("usr/share/man")).isEmpty();
    assertThat(image.get("usr/bin/dpkg")).isEmpty();
    String bundle = Fixtures.text(image, CaBundle.BUNDLE);
    assertThat(bundle.split("-----BEGIN CERTIFICATE-----", -1).length - 1).isGreaterThan(100);
    // libc6's status and md5sums list only what the image keeps.
    String libcStatus = Fixtures.text(image, "var/lib/dpkg/status.d/libc6");
    assertThat(libcStatus).startsWith("Package: libc6\nStatus: install ok installed\n");
    for (String line : Fixtures.text(image, "var/lib/dpkg/status.d/libc6.md5sums").split("\n")) {
      String path = line.substring(34);
      assertThat(image.resolve(path)).as(path).isPresent();
      assertThat(md5sums.get("libc6")).containsEntry(path, line.substring(0, 32));
    }
    assertThat(Fixtures.text(image, "var/lib/dpkg/status.d/libc6.md5sums"))
        .contains("  lib/x86_64-linux-gnu/libc.so.6\n")
        .doesNotContain("libBrokenLocale");
    // No file of libgcc-s1 is kept (nginx does not need libgcc_s), so it gets no status file.
    Set<String> statusFiles = new TreeSet<>();
    for (FsEntry e : image.entries()) {
      if (e.path().startsWith("var/lib/dpkg/status.d/") && !e.path().endsWith(".md5sums")) {
        statusFiles.add(e.path().substring("var/lib/dpkg/status.d/".length()));
      }
    }
    assertThat(statusFiles)
        .contains(
            "nginx", "nginx-common", "libc6", "libssl3", "zlib1g", "ca-certificates", "tzdata")
        .doesNotContain("libgcc-s1");
    assertThat(Fixtures.text(image, "usr/share/doc/libssl3/copyright")).contains("OpenSSL");
    assertThat(HardeningCheck.strict().violations(image)).isEmpty();
    for (FsEntry e : image.entries()) {
      if (e.type() == EntryType.HARDLINK) {
        assertThat(image.get(e.linkTarget()).orElseThrow().type()).isEqualTo(EntryType.FILE);
      }
    }
  }

  private static void load(RootFs.Builder b, Path root, String pkg) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted().toList()) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString();
        PosixFileAttributes a =
            Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
          b.put(FsEntry.symlink(rel, Files.readSymbolicLink(p).toString(), uid, gid, pkg));
        } else if (a.isDirectory()) {
          if (!b.contains(rel)) {
            b.put(FsEntry.directory(rel, mode, uid, gid, pkg));
          }
        } else {
          b.put(FsEntry.file(rel, mode, uid, gid, Files.readAllBytes(p), pkg));
        }
      }
    }
  }

  private static String run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(Arrays.toString(command) + " did not finish");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s: %s", Arrays.toString(command), text).isZero();
    return text;
  }
}
