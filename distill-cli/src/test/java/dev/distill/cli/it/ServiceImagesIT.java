package dev.distill.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.assure.ScanTarget;
import dev.distill.cli.Main;
import dev.distill.fs.FsEntry;
import dev.distill.image.ImageReader;
import dev.distill.image.ReadImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped nginx and redis specs, built by distill from the real Debian mirror and run on the
 * real Docker engine with a read-only root, no capabilities and no new privileges.
 */
class ServiceImagesIT {
  static final List<String> HARDENED =
      List.of(
          "--read-only",
          "--tmpfs",
          "/tmp",
          "--cap-drop",
          "ALL",
          "--security-opt",
          "no-new-privileges",
          "--network",
          "host");

  @TempDir static Path work;

  @BeforeAll
  static void engine() {
    Docker.ensureEngine();
  }

  /** A copy of a shipped spec without its lock, so the build resolves against today's mirror. */
  static Path freshSpec(String name) throws IOException {
    Path src = Docker.repoRoot().resolve("images").resolve(name);
    Path dst = work.resolve("spec-" + name);
    Files.createDirectories(dst);
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("distill.lock.json")) {
          Files.copy(f, dst.resolve(f.getFileName()));
        }
      }
    }
    return dst;
  }

  static ReadImage buildArchive(Path spec, Path cache, Path archive, String tag) {
    int code =
        Main.run(
            "build",
            spec.toString(),
            "--quiet",
            "--cache-dir",
            cache.toString(),
            "--tag",
            tag,
            "--output",
            "docker-archive:" + archive);
    assertThat(code).isZero();
    return ImageReader.read(archive, ImageReader.Options.defaults());
  }

  @Test
  void nginxServesAsNonrootWithoutShellAndBuildsReproducibly() throws Exception {
    Path spec = freshSpec("nginx");
    Path first = work.resolve("nginx-1.tar");
    ReadImage image = buildArchive(spec, work.resolve("cache-a"), first, "distill-it/nginx:test");
    assertThat(spec.resolve("distill.lock.json")).exists();
    // Same lock, a second empty cache: the same bytes, so the same digest.
    Path second = work.resolve("nginx-2.tar");
    ReadImage again = buildArchive(spec, work.resolve("cache-b"), second, "distill-it/nginx:test");
    assertThat(again.manifestDigest()).isEqualTo(image.manifestDigest());
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    // And from another JVM: hash orders change from one run to the next (a status.d md5sums
    // file once followed one), so the same build must give the same bytes in a new process.
    Path third = work.resolve("nginx-3.tar");
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    Path jar = Docker.repoRoot().resolve("distill-cli/target/distill.jar");
    Docker.Result other =
        Docker.exec(
            Duration.ofMinutes(10),
            javaBin,
            "-jar",
            jar.toString(),
            "build",
            spec.toString(),
            "--quiet",
            "--cache-dir",
            work.resolve("cache-c").toString(),
            "--tag",
            "distill-it/nginx:test",
            "--output",
            "docker-archive:" + third);
    assertThat(other.exitCode()).as(other.stderr()).isZero();
    assertThat(Files.readAllBytes(third)).isEqualTo(Files.readAllBytes(first));

    assertThat(image.config().user()).isEqualTo("65532:65532");
    assertThat(image.rootFs().entries()).noneMatch(FsEntry::isSetuidOrSetgid);
    assertThat(image.rootFs().get("bin/sh")).isEmpty();
    assertThat(image.rootFs().get("usr/bin/dpkg")).isEmpty();
    assertThat(image.rootFs().get("var/lib/dpkg/status.d/nginx")).isPresent();

    // Scanners see every package through status.d, and the SBOM lists exactly those.
    var inventory = ScanTarget.fromImage(image).packages().inventory(false);
    assertThat(inventory.packages())
        .extracting(p -> p.name())
        .contains("nginx", "libc6", "libssl3", "libpcre2-8-0", "zlib1g");
    Path sbom = work.resolve("nginx.cdx.json");
    assertThat(
            Main.run("sbom", first.toString(), "--format", "cyclonedx-json", "-o", sbom.toString()))
        .isZero();
    JsonNode components = new ObjectMapper().readTree(sbom.toFile()).get("components");
    long debComponents =
        java.util.stream.StreamSupport.stream(components.spliterator(), false)
            .filter(c -> c.path("purl").asText().startsWith("pkg:deb/debian/"))
            .count();
    assertThat(debComponents).isEqualTo(inventory.packages().size());
    // The build's own SBOM comes from the exact package set and names the same packages,
    // marking those the ELF closure took only part of.
    Path buildSboms = work.resolve("build-sboms");
    assertThat(
            Main.run(
                "build",
                spec.toString(),
                "--quiet",
                "--cache-dir",
                work.resolve("cache-a").toString(),
                "--sbom",
                buildSboms.toString(),
                "--output",
                "oci:" + work.resolve("nginx-oci")))
        .isZero();
    JsonNode built =
        new ObjectMapper().readTree(buildSboms.resolve("nginx-bookworm-amd64.cdx.json").toFile());
    List<String> builtNames = new java.util.ArrayList<>();
    boolean libcPartial = false;
    for (JsonNode c : built.get("components")) {
      if (c.path("purl").asText().startsWith("pkg:deb/debian/")) {
        builtNames.add(c.get("name").asText());
        if (c.get("name").asText().equals("libc6")) {
          for (JsonNode prop : c.path("properties")) {
            libcPartial |=
                prop.path("name").asText().endsWith(":partial")
                    && prop.path("value").asText().equals("true");
          }
        }
      }
    }
    assertThat(builtNames)
        .containsExactlyInAnyOrderElementsOf(
            inventory.packages().stream().map(p -> p.name()).toList());
    assertThat(libcPartial).isTrue();
    Path db = Path.of("src/test/resources/vulndata/db").toAbsolutePath();
    assertThat(
            Main.run(
                "scan", first.toString(), "--db", db.toString(), "--offline", "--format", "sarif"))
        .isZero();

    Docker.docker("load", "-i", first.toString()).orThrow();
    String name = "distill-it-nginx";
    Docker.docker("rm", "-f", name);
    try {
      Docker.docker(
              Stream.of(
                      List.of("run", "-d", "--name", name),
                      HARDENED,
                      List.of("distill-it/nginx:test"))
                  .flatMap(List::stream)
                  .toArray(String[]::new))
          .orThrow();
      HttpResponse<String> response = getWhenUp("http://127.0.0.1:8080/");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("It works");
      assertThat(Docker.processUid(name)).isEqualTo(65532);
      // nginx's workers too: every process of the container runs as 65532.
      String top = Docker.docker("top", name, "-o", "pid,uid").orThrow().stdout();
      List<String> uids = top.lines().skip(1).map(l -> l.strip().split("\\s+")[1]).toList();
      assertThat(uids).hasSizeGreaterThan(1).allMatch("65532"::equals);
    } finally {
      Docker.docker("rm", "-f", name);
    }
    Docker.Result shell =
        Docker.docker(
            "run",
            "--rm",
            "--network",
            "host",
            "--entrypoint",
            "/bin/sh",
            "distill-it/nginx:test",
            "-c",
            "true");
    assertThat(shell.exitCode()).isNotZero();
    assertThat(shell.stderr()).contains("/bin/sh");

    // The spec's own checks (HTTP 200 on 8080, no shell) pass through `distill build --check`...
    assertThat(
            Main.run(
                "build",
                spec.toString(),
                "--quiet",
                "--cache-dir",
                work.resolve("cache-a").toString(),
                "--tag",
                "distill-it/nginx:checked",
                "--load",
                "--check"))
        .isZero();
    // ...and a check that cannot pass makes the build fail with exit 1.
    Files.writeString(
        spec.resolve("distill.yaml"),
        Files.readString(spec.resolve("distill.yaml"))
            .replace("expectStatus: 200", "expectStatus: 418"));
    assertThat(
            Main.run(
                "build",
                spec.toString(),
                "--quiet",
                "--cache-dir",
                work.resolve("cache-a").toString(),
                "--tag",
                "distill-it/nginx:checked",
                "--load",
                "--check"))
        .isEqualTo(1);
  }

  @Test
  void redisKeepsDataAcrossContainersAndShipsOnlyTheServer() throws Exception {
    Path spec = freshSpec("redis");
    Path archive = work.resolve("redis.tar");
    ReadImage image = buildArchive(spec, work.resolve("cache-a"), archive, "distill-it/redis:test");
    assertThat(image.rootFs().entries())
        .extracting(FsEntry::path)
        .contains("usr/bin/redis-server")
        .noneMatch(p -> p.endsWith("redis-sentinel") || p.endsWith("redis-cli"));
    assertThat(image.rootFs().get("data").orElseThrow().uid()).isEqualTo(65532);

    Docker.docker("load", "-i", archive.toString()).orThrow();
    String volume = "distill-it-redis-data";
    String name = "distill-it-redis";
    Docker.docker("rm", "-f", name);
    Docker.docker("volume", "rm", "-f", volume);
    try {
      startRedis(name, volume);
      assertThat(redisCli("PING")).isEqualTo("PONG");
      assertThat(redisCli("SET", "distill:key", "kept")).isEqualTo("OK");
      assertThat(redisCli("GET", "distill:key")).isEqualTo("kept");
      assertThat(Docker.processUid(name)).isEqualTo(65532);
      Docker.docker("stop", name).orThrow();
      Docker.docker("rm", name).orThrow();
      startRedis(name, volume);
      assertThat(redisCli("GET", "distill:key")).isEqualTo("kept");
    } finally {
      Docker.docker("rm", "-f", name);
      Docker.docker("volume", "rm", "-f", volume);
    }
  }

  static void startRedis(String name, String volume) throws InterruptedException {
    startRedis(name, volume, "distill-it/redis:test");
  }

  static void startRedis(String name, String volume, String image) throws InterruptedException {
    Docker.docker(
            Stream.of(
                    List.of("run", "-d", "--name", name, "-v", volume + ":/data"),
                    HARDENED,
                    List.of(image))
                .flatMap(List::stream)
                .toArray(String[]::new))
        .orThrow();
    for (int i = 0; i < 60; i++) {
      if ("PONG".equals(redisCli("PING"))) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("redis did not answer: " + Docker.docker("logs", name).stderr());
  }

  static String redisCli(String... args) {
    List<String> cmd =
        new java.util.ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379"));
    cmd.addAll(List.of(args));
    return Docker.exec(Duration.ofSeconds(30), cmd.toArray(String[]::new)).stdout().strip();
  }

  static HttpResponse<String> getWhenUp(String url) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Exception last = null;
    for (int i = 0; i < 60; i++) {
      try {
        return client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        last = e;
        Thread.sleep(500);
      }
    }
    throw new AssertionError("nothing answered on " + url, last);
  }
}
