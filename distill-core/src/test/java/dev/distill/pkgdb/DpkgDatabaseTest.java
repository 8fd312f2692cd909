package dev.distill.pkgdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpkgDatabaseTest {
  @TempDir Path dir;

  private static Path image(String name) throws URISyntaxException {
    return Path.of(DpkgDatabaseTest.class.getResource("/vulndata/images/" + name).toURI());
  }

  private void write(String rel, String content) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void statusAndDistrolessStatusDGiveTheSamePackages() throws Exception {
    PackageInventory full = DpkgDatabase.read(new DirectoryFileTree(image("nginx-bookworm-stale")));
    PackageInventory distroless =
        DpkgDatabase.read(new DirectoryFileTree(image("nginx-bookworm-stale-distroless")));
    assertThat(full.packages()).hasSize(20);
    assertThat(distroless.database()).isEqualTo("/var/lib/dpkg/status.d");
    assertThat(distroless.packages())
        .extracting(
            p -> p.name() + " " + p.version() + " " + p.sourceName() + " " + p.sourceVersion())
        .containsExactlyElementsOf(
            full.packages().stream()
                .map(
                    p ->
                        p.name()
                            + " "
                            + p.version()
                            + " "
                            + p.sourceName()
                            + " "
                            + p.sourceVersion())
                .toList());
    assertThat(full.os()).get().extracting(OsRelease::codename).isEqualTo("bookworm");
  }

  @Test
  void binNmuSourceVersionIsRead() throws Exception {
    InstalledPackage cap =
        DpkgDatabase.read(new DirectoryFileTree(image("redis-bookworm-current")))
            .packages()
            .stream()
            .filter(p -> p.name().equals("libcap2"))
            .findFirst()
            .orElseThrow();
    assertThat(cap.version()).endsWith("+b1");
    assertThat(cap.sourceVersion()).isEqualTo(cap.version().replace("+b1", ""));
  }

  @Test
  void onlyInstalledRecordsCountAndMd5sumsAreSkipped() throws IOException {
    write(
        "var/lib/dpkg/status",
        "Package: a\nStatus: install ok installed\nVersion: 1\nArchitecture: all\n\n"
            + "Package: b\nStatus: deinstall ok config-files\nVersion: 2\nArchitecture: all\n\n"
            + "Package: c\nStatus: install ok installed\nVersion: 3\nArchitecture: amd64\nSource: csrc\n");
    write("var/lib/dpkg/status.d/d", "Package: d\nVersion: 4\nArchitecture: amd64\n");
    write("var/lib/dpkg/status.d/d.md5sums", "00  usr/bin/d\n");
    write("etc/os-release", "ID=debian\nVERSION_ID=\"13\"\n");
    PackageInventory inv = DpkgDatabase.read(new DirectoryFileTree(dir));
    assertThat(inv.packages()).extracting(InstalledPackage::name).containsExactly("a", "c", "d");
    assertThat(inv.packages().get(1).sourceName()).isEqualTo("csrc");
    assertThat(inv.packages().get(1).sourceVersion()).isEqualTo("3");
    assertThat(inv.packages().get(2).isPartial()).isTrue();
    assertThat(inv.os().orElseThrow().debianCodename()).contains("trixie");
  }

  @Test
  void aDamagedStatusFileIsAClearError() throws IOException {
    write("var/lib/dpkg/status", "this is not a control file\n");
    assertThatThrownBy(() -> DpkgDatabase.read(new DirectoryFileTree(dir)))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("/var/lib/dpkg/status line 1");
  }

  @Test
  void purlsEncodeTheVersion() {
    InstalledPackage p =
        new InstalledPackage(
            "libcap2",
            "1:2.66-4+deb12u3+b1",
            "amd64",
            "libcap2",
            "1:2.66-4+deb12u3",
            java.util.List.of(),
            java.util.List.of(),
            null);
    assertThat(DebPurl.of(p, "12"))
        .isEqualTo("pkg:deb/debian/libcap2@1%3A2.66-4%2Bdeb12u3%2Bb1?arch=amd64&distro=debian-12");
  }

  @Test
  void copyrightLicencesComeOnlyFromMachineReadableFiles() {
    assertThat(
            CopyrightLicenses.parse(
                "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
                    + "Files: *\nLicense: Expat\n\nFiles: x\nLicense: GPL-2+\n full text\n .\n more\n"))
        .containsExactly("Expat", "GPL-2+");
    assertThat(CopyrightLicenses.parse("This package was debianized by someone.\nGPL\n")).isEmpty();
  }
}
