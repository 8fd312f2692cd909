package dev.distill.debian.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotArchiveTest {

  @Test
  void buildsDebianAndSecurityArchiveUrlsFromATimestamp() {
    SnapshotArchive s = SnapshotArchive.at(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(s.stamp()).isEqualTo("20250101T000000Z");
    assertThat(s.debian())
        .hasToString("https://snapshot.debian.org/archive/debian/20250101T000000Z/");
    assertThat(s.debianSecurity())
        .hasToString("https://snapshot.debian.org/archive/debian-security/20250101T000000Z/");
  }

  @Test
  void truncatesToTheSecondAndWritesUtc() {
    SnapshotArchive s = SnapshotArchive.at(Instant.parse("2024-06-30T23:59:58.987Z"));
    assertThat(s.stamp()).isEqualTo("20240630T235958Z");
  }

  @Test
  void parsesTheSnapshotFormRoundTrip() {
    SnapshotArchive s = SnapshotArchive.parse("20231110T081539Z");
    assertThat(s.timestamp()).isEqualTo(Instant.parse("2023-11-10T08:15:39Z"));
    assertThat(s.stamp()).isEqualTo("20231110T081539Z");
    for (String bad : new String[] {"2023-11-10", "20231110", "20231110T081539", "x", ""}) {
      assertThatThrownBy(() -> SnapshotArchive.parse(bad))
          .as(bad)
          .isInstanceOf(DistillException.class)
          .hasMessageContaining("20250101T000000Z");
    }
  }

  @Test
  void mapsAMirrorToItsSnapshotArchiveAndRehomesAReference() {
    SnapshotArchive s = SnapshotArchive.parse("20250101T000000Z");
    assertThat(s.forMirror(URI.create("http://deb.debian.org/debian")))
        .hasToString("https://snapshot.debian.org/archive/debian/20250101T000000Z/");
    assertThat(s.forMirror(URI.create("http://deb.debian.org/debian-security/")))
        .hasToString("https://snapshot.debian.org/archive/debian-security/20250101T000000Z/");
    DebRef ref =
        new DebRef(
            "nginx",
            "1.22.1-9",
            "amd64",
            "pool/main/n/nginx/nginx_1.22.1-9_amd64.deb",
            URI.create("http://deb.debian.org/debian/"),
            "0".repeat(64),
            1000);
    assertThat(s.rehome(ref).uri())
        .hasToString(
            "https://snapshot.debian.org/archive/debian/20250101T000000Z/"
                + "pool/main/n/nginx/nginx_1.22.1-9_amd64.deb");
    assertThat(s.rehome(ref).sha256()).isEqualTo(ref.sha256());
  }

  @Test
  void acceptsAnotherSnapshotServiceBase() {
    SnapshotArchive s =
        new SnapshotArchive(
            URI.create("http://127.0.0.1:8080/snap"), Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(s.debian())
        .hasToString("http://127.0.0.1:8080/snap/archive/debian/20250101T000000Z/");
    assertThatThrownBy(() -> s.archive("../x")).isInstanceOf(DistillException.class);
  }
}
