package dev.distill.debian.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReleaseFileTest {
  private static final String TEXT =
      """
      Origin: Debian
      Label: Debian-Security
      Suite: oldstable-security
      Codename: bookworm-security
      Date: Sat, 28 Nov 2026 02:53:00 UTC
      Valid-Until: Sat, 5 Dec 2026 02:53:00 UTC
      Acquire-By-Hash: yes
      Architectures: amd64 arm64
      Components: updates/main updates/contrib
      MD5Sum:
       d41d8cd98f00b204e9800998ecf8427e 0 main/binary-amd64/Packages
      SHA256:
       c0704d0ae13862c8d1e777aac79009fbae8679b039a2c0b45126e3eccb470146  2559141 main/binary-amd64/Packages
       89426314d157281cf62e252ce1a0634888c84c4a47dd317fb6bf690c0fab6a21   383216 main/binary-amd64/Packages.xz
      """;

  @Test
  void parsesTheFieldsDistillUses() {
    ReleaseFile r = ReleaseFile.parse(TEXT, "t");

    assertThat(r.suite()).contains("oldstable-security");
    assertThat(r.codename()).contains("bookworm-security");
    assertThat(r.date()).isEqualTo(Instant.parse("2026-11-28T02:53:00Z"));
    assertThat(r.validUntil()).contains(Instant.parse("2026-12-05T02:53:00Z"));
    assertThat(r.acquireByHash()).isTrue();
    assertThat(r.architectures()).containsExactly("amd64", "arm64");
    assertThat(r.components()).containsExactly("updates/main", "updates/contrib");
    assertThat(r.sha256()).hasSize(2);
    ReleaseFile.FileEntry xz = r.file("main/binary-amd64/Packages.xz").orElseThrow();
    assertThat(xz.size()).isEqualTo(383216);
    assertThat(xz.sha256()).startsWith("89426314");
  }

  @Test
  void acquireByHashDefaultsToNoAndValidUntilIsOptional() {
    ReleaseFile r =
        ReleaseFile.parse("Codename: x\nDate: Sat, 11 Jul 2026 10:16:37 UTC\nSHA256:\n", "t");

    assertThat(r.acquireByHash()).isFalse();
    assertThat(r.validUntil()).isEmpty();
    assertThat(r.file("main/binary-amd64/Packages.xz")).isEmpty();
  }

  @Test
  void malformedInputIsReportedWithItsSource() {
    assertThatThrownBy(() -> ReleaseFile.parse("Codename: x\n", "InRelease of x"))
        .hasMessageContaining("InRelease of x")
        .hasMessageContaining("no Date");
    assertThatThrownBy(() -> ReleaseFile.parse("Date: yesterday\n", "R"))
        .hasMessageContaining("invalid date 'yesterday'");
    assertThatThrownBy(
            () ->
                ReleaseFile.parse(
                    "Date: Sat, 11 Jul 2026 10:16:37 UTC\nSHA256:\n nothex 1 main/x\n", "R"))
        .hasMessageContaining("malformed SHA256 line");
  }
}
