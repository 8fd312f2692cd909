package dev.distill.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryModelTest {
  @TempDir Path tmp;

  @Test
  void parsesReferences() {
    ImageReference local = ImageReference.parse("127.0.0.1:5000/distill/nginx:1.27");
    assertThat(local.registry()).isEqualTo("127.0.0.1:5000");
    assertThat(local.repository()).isEqualTo("distill/nginx");
    assertThat(local.tag()).isEqualTo("1.27");
    assertThat(local.isLoopback()).isTrue();
    assertThat(local.toString()).isEqualTo("127.0.0.1:5000/distill/nginx:1.27");

    String digest = "sha256:" + "b".repeat(64);
    ImageReference pinned = ImageReference.parse("localhost:5000/a/b@" + digest);
    assertThat(pinned.digest()).isEqualTo(Digest.parse(digest));
    assertThat(pinned.tag()).isNull();
    assertThat(pinned.manifestReference()).isEqualTo(digest);

    ImageReference hub = ImageReference.parse("nginx");
    assertThat(hub.registry()).isEqualTo("docker.io");
    assertThat(hub.repository()).isEqualTo("library/nginx");
    assertThat(hub.tag()).isEqualTo("latest");
    assertThat(hub.apiHost()).isEqualTo("registry-1.docker.io");
    assertThat(hub.isLoopback()).isFalse();
    assertThat(ImageReference.parse("ghcr.io/org/app:v1").registry()).isEqualTo("ghcr.io");

    assertThatThrownBy(() -> ImageReference.parse("127.0.0.1:5000/Bad_Name:1"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("invalid repository name");
    assertThatThrownBy(() -> ImageReference.parse("127.0.0.1:5000/a@sha256:zz"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("invalid digest");
  }

  @Test
  void parsesAuthChallenges() {
    AuthChallenge bearer =
        AuthChallenge.parse(
            "Bearer realm=\"https://auth.example/token\",service=\"registry.example\","
                + "scope=\"repository:a/b:pull,push\"");
    assertThat(bearer.isBearer()).isTrue();
    assertThat(bearer.param("realm")).isEqualTo("https://auth.example/token");
    assertThat(bearer.param("service")).isEqualTo("registry.example");
    assertThat(bearer.param("scope")).isEqualTo("repository:a/b:pull,push");
    AuthChallenge basic = AuthChallenge.parse("Basic realm=\"distill-test\"");
    assertThat(basic.isBasic()).isTrue();
    assertThat(basic.param("realm")).isEqualTo("distill-test");
    assertThat(AuthChallenge.parse("bearer realm=http://127.0.0.1:1/t, service=s").param("service"))
        .isEqualTo("s");
  }

  @Test
  void credentialsFromEnvironmentAndDockerConfig() throws IOException {
    assertThat(Credentials.fromEnvironment(Map.of())).isEmpty();
    assertThat(
            Credentials.fromEnvironment(
                Map.of("DISTILL_REGISTRY_USERNAME", "u", "DISTILL_REGISTRY_PASSWORD", "p")))
        .contains(Credentials.basic("u", "p"));
    Path config = tmp.resolve("config.json");
    Files.writeString(
        config,
        "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"dXNlcjpwYXNzOndvcmQ=\"},"
            + "\"https://ghcr.io\":{\"username\":\"x\",\"password\":\"y\"}}}");
    assertThat(Credentials.fromDockerConfig(config, "127.0.0.1:5000"))
        .contains(Credentials.basic("user", "pass:word"));
    assertThat(Credentials.fromDockerConfig(config, "ghcr.io"))
        .contains(Credentials.basic("x", "y"));
    assertThat(Credentials.fromDockerConfig(config, "other:1")).isEmpty();
    assertThat(Credentials.basic("user", "secret").toString()).doesNotContain("secret");
  }
}
