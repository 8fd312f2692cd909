package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FileSelectorTest {
  private static final RootFs PACKAGES =
      RootFs.builder()
          .put(Fixtures.dir("etc", 0755, "base-files"))
          .put(Fixtures.dir("etc/nginx", 0750, "nginx"))
          .put(FsEntry.directory("var/lib/nginx", 0700, 33, 33, "nginx"))
          .put(Fixtures.file("var/lib/nginx/.keep", "", "nginx"))
          .put(Fixtures.file("etc/nginx/nginx.conf", "conf", "nginx"))
          .put(Fixtures.dir("etc/nginx/sites-available", 0755, "nginx"))
          .put(Fixtures.file("etc/nginx/sites-available/default", "site", "nginx"))
          .put(
              Fixtures.link(
                  "etc/nginx/sites-enabled/default", "/etc/nginx/sites-available/default", "nginx"))
          .put(Fixtures.file("usr/sbin/nginx", "elf", "nginx"))
          .put(Fixtures.file("usr/share/nginx/html/index.html", "<html>", "nginx"))
          .put(Fixtures.file("usr/share/doc/nginx/copyright", "lic", "nginx"))
          .put(Fixtures.file("usr/share/man/man8/nginx.8.gz", "man", "nginx"))
          .put(Fixtures.file("usr/share/nginx/doc/readme", "doc", "nginx"))
          .put(Fixtures.file("bin/bash", "shell", "bash"))
          .put(Fixtures.link("usr/share/nginx/link-out", "/usr/share/common/data", "nginx"))
          .put(Fixtures.file("usr/share/common/data", "shared", "common"))
          .build();

  @Test
  void keepsPathsGlobsParentsAndLinkTargetsOnly() {
    RootFs.Builder b = RootFs.builder();
    new FileSelector(
            PACKAGES,
            List.of("usr/sbin/nginx", "/var/lib/nginx"),
            List.of("etc/nginx/**", "usr/share/nginx/**"),
            List.of("usr/share/nginx/doc/**"))
        .applyTo(b);
    RootFs fs = b.build();

    assertThat(fs.entries().stream().map(FsEntry::path).collect(Collectors.toList()))
        .containsExactly(
            "etc",
            "etc/nginx",
            "etc/nginx/nginx.conf",
            "etc/nginx/sites-available",
            "etc/nginx/sites-available/default",
            "etc/nginx/sites-enabled",
            "etc/nginx/sites-enabled/default",
            "usr",
            "usr/sbin",
            "usr/sbin/nginx",
            "usr/share",
            "usr/share/common",
            "usr/share/common/data",
            "usr/share/nginx",
            "usr/share/nginx/html",
            "usr/share/nginx/html/index.html",
            "usr/share/nginx/link-out",
            "var",
            "var/lib",
            "var/lib/nginx",
            "var/lib/nginx/.keep");
    // Parents keep their package's mode and owner; absent ones are 0755 root.
    FsEntry etcNginx = fs.get("etc/nginx").orElseThrow();
    assertThat(etcNginx.mode()).isEqualTo(0750);
    assertThat(etcNginx.origin()).isEqualTo("nginx");
    FsEntry varLibNginx = fs.get("var/lib/nginx").orElseThrow();
    assertThat(varLibNginx.mode()).isEqualTo(0700);
    assertThat(varLibNginx.uid()).isEqualTo(33);
    assertThat(fs.get("etc/nginx/sites-enabled").orElseThrow().mode()).isEqualTo(0755);
    assertThat(fs.get("etc/nginx/sites-enabled/default").orElseThrow().type())
        .isEqualTo(EntryType.SYMLINK);
  }

  @Test
  void docsAndManPagesStayOutOfGlobsButNamedPathsWin() {
    RootFs.Builder b = RootFs.builder();
    new FileSelector(PACKAGES, List.of("usr/share/man/man8/nginx.8.gz"), List.of("usr/share/**"))
        .applyTo(b);
    RootFs fs = b.build();

    assertThat(fs.get("usr/share/doc/nginx/copyright")).isEmpty();
    assertThat(fs.get("usr/share/man/man8/nginx.8.gz")).isPresent();
    assertThat(fs.get("usr/share/nginx/doc/readme")).isPresent();
    assertThat(fs.get("bin/bash")).isEmpty();
  }

  @Test
  void aSymlinkToADirectoryKeepsTheLinkAndDirectoryButNotTheTree() {
    RootFs packages =
        RootFs.builder()
            .put(Fixtures.link("lib", "usr/lib", "base-files"))
            .put(Fixtures.file("usr/lib/x86_64-linux-gnu/libc.so.6", "libc", "libc6"))
            .put(Fixtures.file("usr/lib/x86_64-linux-gnu/libunused.so", "x", "other"))
            .put(Fixtures.file("usr/lib/nginx/modules/a.so", "a", "nginx"))
            .build();
    RootFs.Builder b = RootFs.builder();

    new FileSelector(
            packages,
            List.of("lib", "usr/lib/x86_64-linux-gnu/libc.so.6", "lib/nginx/modules"),
            List.of())
        .applyTo(b);
    RootFs fs = b.build();

    assertThat(fs.get("lib").orElseThrow().type()).isEqualTo(EntryType.SYMLINK);
    assertThat(fs.get("usr/lib/x86_64-linux-gnu/libc.so.6")).isPresent();
    assertThat(fs.get("usr/lib/x86_64-linux-gnu/libunused.so")).isEmpty();
    // A real directory reached through a link still brings its tree.
    assertThat(fs.get("usr/lib/nginx/modules/a.so")).isPresent();
  }

  @Test
  void hardLinksStayConsistent() {
    RootFs packages =
        RootFs.builder()
            .put(Fixtures.file("usr/bin/zzz-data", "payload", "p"))
            .put(FsEntry.hardlink("usr/bin/bbb", "usr/bin/zzz-data", 0755, 0, 0, "p"))
            .put(FsEntry.hardlink("usr/bin/aaa", "usr/bin/zzz-data", 0750, 0, 0, "p"))
            .put(FsEntry.hardlink("usr/bin/solo", "usr/lib/other", 0755, 0, 0, "p"))
            .put(Fixtures.file("usr/lib/other", "other", "p"))
            .build();
    RootFs.Builder b = RootFs.builder();

    new FileSelector(
            packages,
            List.of("usr/bin/bbb", "usr/bin/zzz-data", "usr/bin/aaa", "usr/bin/solo"),
            List.of())
        .applyTo(b);
    RootFs fs = b.build();

    // The first path of the group holds the data; the others link to it.
    FsEntry aaa = fs.get("usr/bin/aaa").orElseThrow();
    assertThat(aaa.type()).isEqualTo(EntryType.FILE);
    assertThat(new String(aaa.content())).isEqualTo("payload");
    assertThat(aaa.mode()).isEqualTo(0750);
    assertThat(fs.get("usr/bin/bbb").orElseThrow().linkTarget()).isEqualTo("usr/bin/aaa");
    assertThat(fs.get("usr/bin/zzz-data").orElseThrow().type()).isEqualTo(EntryType.HARDLINK);
    assertThat(fs.get("usr/bin/zzz-data").orElseThrow().linkTarget()).isEqualTo("usr/bin/aaa");
    // A link whose data entry is not kept becomes a file.
    FsEntry solo = fs.get("usr/bin/solo").orElseThrow();
    assertThat(solo.type()).isEqualTo(EntryType.FILE);
    assertThat(new String(solo.content())).isEqualTo("other");
    assertThat(fs.get("usr/lib/other")).isEmpty();
    // Every hard link of the result points to a regular file that sorts before it.
    for (FsEntry e : fs.entries()) {
      if (e.type() == EntryType.HARDLINK) {
        assertThat(fs.get(e.linkTarget()).orElseThrow().type()).isEqualTo(EntryType.FILE);
        assertThat(e.linkTarget()).isLessThan(e.path());
      }
    }
  }

  @Test
  void missingPathsAndEmptyGlobsAreErrors() {
    assertThatThrownBy(
            () ->
                new FileSelector(PACKAGES, List.of("usr/sbin/ngnix"), List.of())
                    .applyTo(RootFs.builder()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("/usr/sbin/ngnix");
    assertThatThrownBy(
            () ->
                new FileSelector(PACKAGES, List.of(), List.of("etc/apache2/**"))
                    .applyTo(RootFs.builder()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("etc/apache2/**");
  }
}
