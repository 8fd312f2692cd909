package dev.distill.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.cli.Main;
import dev.distill.image.ImageReader;
import dev.distill.image.ReadImage;
import dev.distill.image.registry.Credentials;
import dev.distill.image.registry.ImageReference;
import dev.distill.image.registry.RegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distill nginx image pushed to a real registry (Debian's docker-registry on 127.0.0.1, started
 * by the project's script), pulled back by digest, and scanned, inspected and SBOM'd straight from
 * the registry, as Trivy users scan a reference.
 */
class RegistryTargetsIT {
  static final String NAME = "it-cli";
  @TempDir static Path work;
  static String address;

  @BeforeAll
  static void registry() {
    Path script = Docker.repoRoot().resolve("scripts/start-registry.sh");
    address =
        Docker.exec(Duration.ofMinutes(3), "bash", script.toString(), "--name", NAME)
            .orThrow()
            .stdout()
            .strip();
    assertThat(address).startsWith("127.0.0.1:");
  }

  @AfterAll
  static void stop() {
    Path script = Docker.repoRoot().resolve("scripts/start-registry.sh");
    Docker.exec(Duration.ofMinutes(1), "bash", script.toString(), "--stop", "--name", NAME);
  }

  @Test
  void pushPullByDigestAndScanFromTheRegistry() {
    String ref = address + "/distill/nginx:it";
    Path local = work.resolve("nginx-oci");
    int built =
        Main.run(
            "build",
            Docker.repoRoot().resolve("images/nginx").toString(),
            "--quiet",
            "--no-write-lock",
            "--cache-dir",
            work.resolve("cache").toString(),
            "--output",
            "registry:" + ref,
            "--output",
            "oci:" + local);
    assertThat(built).isZero();
    ReadImage mine = ImageReader.read(local, ImageReader.Options.defaults());

    // Pull back by digest: the same manifest, the same files.
    ImageReference byDigest = ImageReference.parse(ref).withDigest(mine.manifestDigest());
    ReadImage pulled =
        new RegistryClient(Credentials.ANONYMOUS).read(byDigest, ImageReader.Options.defaults());
    assertThat(pulled.manifestDigest()).isEqualTo(mine.manifestDigest());
    assertThat(pulled.files()).isEqualTo(mine.files());

    Path db = Path.of("src/test/resources/vulndata/db").toAbsolutePath();
    assertThat(Main.run("scan", "registry:" + ref, "--db", db.toString(), "--offline")).isZero();
    assertThat(Main.run("inspect", "registry:" + byDigest)).isZero();
    assertThat(
            Main.run(
                "sbom",
                "registry:" + ref,
                "--format",
                "spdx-json",
                "-o",
                work.resolve("nginx.spdx.json").toString()))
        .isZero();
    assertThat(work.resolve("nginx.spdx.json")).content().contains("pkg:deb/debian/nginx@");
  }
}
