package dev.distill.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.debian.version.DebianVersion;
import dev.distill.pkgdb.InstalledPackage;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random cases: a fix is reported exactly when the source version sorts before it. */
class VulnMatcherRandomTest {

  private static String version(Random r) {
    StringBuilder v = new StringBuilder();
    if (r.nextInt(4) == 0) {
      v.append(r.nextInt(3)).append(':');
    }
    v.append(1 + r.nextInt(3)).append('.').append(r.nextInt(12));
    if (r.nextBoolean()) {
      v.append(r.nextBoolean() ? "~rc" : ".").append(r.nextInt(3));
    }
    v.append('-').append(1 + r.nextInt(4));
    if (r.nextBoolean()) {
      v.append("+deb12u").append(1 + r.nextInt(9));
    }
    return v.toString();
  }

  @Test
  void fixedIffInstalledSourceVersionIsOlder() {
    Random r = new Random(20261129L);
    for (int i = 0; i < 2000; i++) {
      String installed = version(r);
      String fixed = version(r);
      VulnDatabase db =
          VulnDatabase.builder()
              .add(
                  new Advisory(
                      "CVE-2026-" + i,
                      "src",
                      "bookworm",
                      TrackerStatus.RESOLVED,
                      Optional.of(fixed),
                      "high",
                      Optional.empty(),
                      "",
                      "test"))
              .build();
      // The binary's own version (here far newer, as with a differently versioned binary) must
      // not count: only the source version does.
      InstalledPackage p =
          new InstalledPackage(
              "bin",
              "99:" + installed + "+b1",
              "amd64",
              "src",
              installed,
              List.of(),
              List.of(),
              null);
      List<Vulnerability> found = new VulnMatcher(db).match(List.of(p), "bookworm");
      boolean older = DebianVersion.parse(installed).compareTo(DebianVersion.parse(fixed)) < 0;
      assertThat(!found.isEmpty()).as(installed + " vs fix " + fixed).isEqualTo(older);
      if (older) {
        assertThat(found.get(0).status()).isEqualTo(VulnStatus.FIXED);
        assertThat(found.get(0).fixAvailable()).isTrue();
      }
      // Other releases never match.
      assertThat(new VulnMatcher(db).match(List.of(p), "trixie")).isEmpty();
    }
  }
}
