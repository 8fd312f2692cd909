package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import org.junit.jupiter.api.Test;

class CopyrightsAndTzdataTest {
  private static final RootFs PACKAGES =
      RootFs.builder()
          .put(Fixtures.dir("usr/share/doc", 0755, "base-files"))
          .put(Fixtures.file("usr/sbin/nginx", "bin", "nginx"))
          .put(Fixtures.file("usr/share/doc/nginx/copyright", "nginx licence", "nginx"))
          .put(Fixtures.file("usr/share/doc/nginx/changelog.gz", "log", "nginx"))
          .put(Fixtures.file("usr/lib/x86_64-linux-gnu/libgcc_s.so.1", "gcc", "libgcc-s1"))
          .put(Fixtures.link("usr/share/doc/libgcc-s1", "gcc-12-base", "libgcc-s1"))
          .put(Fixtures.file("usr/share/doc/gcc-12-base/copyright", "gcc licence", "gcc-12-base"))
          .put(Fixtures.file("usr/lib/nocopyright.so", "x", "nocopy"))
          .put(Fixtures.file("usr/share/doc/unused/copyright", "unused", "unused"))
          .put(FsEntry.directory("usr/share/zoneinfo", 0755, 0, 0, "tzdata"))
          .put(Fixtures.file("usr/share/zoneinfo/Europe/Paris", "TZif-paris", "tzdata"))
          .put(Fixtures.link("usr/share/zoneinfo/UTC", "Etc/UTC", "tzdata"))
          .put(Fixtures.file("usr/share/zoneinfo/Etc/UTC", "TZif-utc", "tzdata"))
          .put(
              FsEntry.hardlink(
                  "usr/share/zoneinfo/Europe/Monaco",
                  "usr/share/zoneinfo/Europe/Paris",
                  0644,
                  0,
                  0,
                  "tzdata"))
          .build();

  private static RootFs.Builder kept() {
    return RootFs.builder()
        .put(PACKAGES.get("usr/sbin/nginx").orElseThrow())
        .put(PACKAGES.get("usr/lib/x86_64-linux-gnu/libgcc_s.so.1").orElseThrow())
        .put(PACKAGES.get("usr/lib/nocopyright.so").orElseThrow());
  }

  @Test
  void keepsTheCopyrightOfEveryContributingPackage() {
    RootFs.Builder b = kept();
    new Copyrights(PACKAGES).applyTo(b);
    RootFs fs = b.build();

    assertThat(Fixtures.text(fs, "usr/share/doc/nginx/copyright")).isEqualTo("nginx licence");
    assertThat(fs.get("usr/share/doc/nginx/changelog.gz")).isEmpty();
    assertThat(fs.get("usr/share/doc/libgcc-s1").orElseThrow().type()).isEqualTo(EntryType.SYMLINK);
    assertThat(Fixtures.text(fs, "usr/share/doc/gcc-12-base/copyright")).isEqualTo("gcc licence");
    assertThat(fs.get("usr/share/doc/unused")).isEmpty();
    assertThat(fs.get("usr/share/doc/nocopy")).isEmpty();
    // The doc directory comes with its package's entry.
    assertThat(fs.get("usr/share/doc").orElseThrow().origin()).isEqualTo("base-files");
  }

  @Test
  void tzdataKeepsTheWholeZoneinfoTree() {
    RootFs.Builder b = RootFs.builder();
    new Tzdata(PACKAGES).applyTo(b);
    RootFs fs = b.build();

    assertThat(Fixtures.text(fs, "usr/share/zoneinfo/Europe/Paris")).isEqualTo("TZif-paris");
    assertThat(fs.resolve("usr/share/zoneinfo/UTC").orElseThrow().path())
        .isEqualTo("usr/share/zoneinfo/Etc/UTC");
    // A hard link is kept as a file with its data, never dangling.
    FsEntry monaco = fs.get("usr/share/zoneinfo/Europe/Monaco").orElseThrow();
    assertThat(monaco.type()).isEqualTo(EntryType.FILE);
    assertThat(new String(monaco.content())).isEqualTo("TZif-paris");
    assertThat(fs.get("usr/sbin/nginx")).isEmpty();
  }

  @Test
  void tzdataWithoutThePackageSaysWhatToAdd() {
    assertThatThrownBy(() -> new Tzdata(RootFs.builder().build()).applyTo(RootFs.builder()))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("tzdata");
  }
}
