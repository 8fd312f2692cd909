package dev.distill.debian.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.debian.ControlFile;
import dev.distill.debian.ControlStanza;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BinaryPackageTest {
  private static final URI MIRROR = URI.create("http://deb.debian.org/debian");

  private static BinaryPackage parse(String text) {
    ControlStanza s = ControlFile.parse(text, "Packages").get(0);
    return BinaryPackage.fromStanza(s, "bookworm", MIRROR, "bookworm Packages");
  }

  @Test
  void readsAllFieldsOfARealStanza() {
    BinaryPackage p =
        parse(
            """
            Package: libcap2-bin
            Source: libcap2 (1:2.66-4+deb12u3)
            Version: 1:2.66-4+deb12u3+b1
            Installed-Size: 120
            Maintainer: Christian Kastner <ckk@debian.org>
            Architecture: amd64
            Multi-Arch: foreign
            Replaces: libcap-bin
            Pre-Depends: libc6 (>= 2.34)
            Depends: libcap2 (>= 1:2.63), libpam-cap | other
            Provides: libcap-bin, capsh (= 1:2.66)
            Recommends: libpam-cap
            Description: POSIX 1003.1e capabilities (utilities)
             Libcap implements the user-space interfaces.
            Priority: important
            Essential: no
            Filename: pool/main/libc/libcap2/libcap2-bin_2.66-4+deb12u3+b1_amd64.deb
            Size: 34512
            SHA256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            """);

    assertThat(p.name()).isEqualTo("libcap2-bin");
    assertThat(p.version().toString()).isEqualTo("1:2.66-4+deb12u3+b1");
    assertThat(p.sourceName()).isEqualTo("libcap2");
    assertThat(p.sourceVersion().toString()).isEqualTo("1:2.66-4+deb12u3");
    assertThat(p.multiArch()).isEqualTo(MultiArch.FOREIGN);
    assertThat(p.preDepends()).hasSize(1);
    assertThat(p.depends()).hasSize(2);
    assertThat(p.depends().get(1)).extracting(r -> r.name()).containsExactly("libpam-cap", "other");
    assertThat(p.provides()).extracting(r -> r.name()).containsExactly("libcap-bin", "capsh");
    assertThat(p.provides().get(1).version()).isPresent();
    assertThat(p.essential()).isFalse();
    assertThat(p.priority()).isEqualTo("important");
    assertThat(p.size()).isEqualTo(34512);
    assertThat(p.suite()).isEqualTo("bookworm");
    assertThat(p.downloadUri().toString())
        .isEqualTo(
            "http://deb.debian.org/debian/pool/main/libc/libcap2/libcap2-bin_2.66-4+deb12u3+b1_amd64.deb");
    assertThat(p.stanza().get("Description").orElseThrow()).contains("user-space");
  }

  @Test
  void sourceDefaultsToThePackageItself() {
    BinaryPackage p =
        parse(
            "Package: base-files\nVersion: 12.4+deb12u12\nArchitecture: amd64\nEssential: yes\n"
                + "Filename: pool/b.deb\nSize: 1\nSHA256: "
                + "f".repeat(64)
                + "\n");

    assertThat(p.sourceName()).isEqualTo("base-files");
    assertThat(p.sourceVersion()).isEqualTo(p.version());
    assertThat(p.essential()).isTrue();
    assertThat(p.multiArch()).isEqualTo(MultiArch.NO);
    assertThat(p.priority()).isEqualTo("optional");
  }

  @Test
  void missingOrInvalidFieldsAreNamed() {
    assertThatThrownBy(
            () -> parse("Package: x\nVersion: 1\nArchitecture: all\nFilename: f\nSize: 1\n"))
        .hasMessageContaining("bookworm Packages line 1 (x)")
        .hasMessageContaining("SHA256 is missing");
    assertThatThrownBy(
            () ->
                parse(
                    "Package: x\nVersion: 1\nArchitecture: all\nFilename: f\nSize: big\nSHA256: "
                        + "a".repeat(64)
                        + "\n"))
        .hasMessageContaining("invalid Size 'big'");
    assertThatThrownBy(
            () ->
                parse(
                    "Package: x\nVersion: 1\nArchitecture: all\nMulti-Arch: sometimes\n"
                        + "Filename: f\nSize: 1\nSHA256: "
                        + "a".repeat(64)
                        + "\n"))
        .hasMessageContaining("unknown Multi-Arch value 'sometimes'");
  }
}
