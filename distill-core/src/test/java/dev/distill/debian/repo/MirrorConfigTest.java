package dev.distill.debian.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MirrorConfigTest {
  @Test
  void explicitValuesWinOverEnvironmentWhichWinsOverDefaults() {
    Map<String, String> env =
        Map.of("DISTILL_MIRROR", "http://env/debian/", "DISTILL_SECURITY_MIRROR", "http://env/sec");

    assertThat(MirrorConfig.resolve(null, null, Map.of())).isEqualTo(MirrorConfig.defaults());
    assertThat(MirrorConfig.resolve(null, null, env).main())
        .isEqualTo(URI.create("http://env/debian"));
    assertThat(MirrorConfig.resolve("https://flag/debian", null, env))
        .isEqualTo(
            new MirrorConfig(URI.create("https://flag/debian"), URI.create("http://env/sec")));
  }

  @Test
  void invalidUrlsAreRejectedWithAHint() {
    assertThatThrownBy(() -> MirrorConfig.resolve("ftp://x/debian", null, Map.of()))
        .hasMessageContaining("Invalid mirror URL 'ftp://x/debian'");
    assertThatThrownBy(() -> MirrorConfig.resolve(null, "not a url", Map.of()))
        .hasMessageContaining("Invalid security mirror URL");
  }

  @Test
  void suitesOfAReleaseUseTheRightArchives() {
    List<Suite> suites = Suite.forRelease("trixie", MirrorConfig.defaults());

    assertThat(suites)
        .extracting(Suite::name)
        .containsExactly("trixie", "trixie-updates", "trixie-security");
    assertThat(suites.get(2).inReleaseUri())
        .isEqualTo(
            URI.create("http://deb.debian.org/debian-security/dists/trixie-security/InRelease"));
    assertThat(
            suites
                .get(1)
                .distsUri(DebianRepository.byHashPath("main/binary-arm64/Packages.xz", "ab")))
        .isEqualTo(
            URI.create(
                "http://deb.debian.org/debian/dists/trixie-updates/main/binary-arm64/by-hash/SHA256/ab"));
  }
}
