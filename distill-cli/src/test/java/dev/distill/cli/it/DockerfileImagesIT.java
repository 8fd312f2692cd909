package dev.distill.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distill.build.PackageLocker;
import dev.distill.cli.Main;
import dev.distill.debian.repo.BinaryPackage;
import dev.distill.debian.repo.DebianRepository;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import dev.distill.image.ImageFile;
import dev.distill.image.ImageReader;
import dev.distill.image.ReadImage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-stage Dockerfiles under images/, built with the real Docker engine from locally made
 * base images — distill's own cc spec as the distroless base, mmdebstrap for the Debian builder —
 * then run with the same hardening checks as the distill-built images, and compared file by file
 * with them.
 */
class DockerfileImagesIT {
  static final String BASE = "distill-it/cc:bookworm";
  static final String BUILDER = "distill-builder/debian:bookworm";

  @TempDir static Path work;
  static ReadImage baseImage;

  @BeforeAll
  static void images() {
    Docker.ensureEngine();
    Path root = Docker.repoRoot();
    Docker.exec(
            Duration.ofMinutes(20),
            "bash",
            root.resolve("scripts/make-builder-image.sh").toString(),
            "bookworm",
            BUILDER)
        .orThrow();
    Path baseTar = work.resolve("cc.tar");
    int code =
        Main.run(
            "build",
            root.resolve("images/cc").toString(),
            "--arch",
            "amd64",
            "--quiet",
            "--no-write-lock",
            "--cache-dir",
            work.resolve("cache").toString(),
            "--tag",
            BASE,
            "--output",
            "docker-archive:" + baseTar);
    assertThat(code).isZero();
    Docker.docker("load", "-i", baseTar.toString()).orThrow();
    baseImage = ImageReader.read(baseTar, ImageReader.Options.defaults());
  }

  static String candidate(String pkg) {
    DebianRepository repo = DebianRepository.builder().cacheDir(work.resolve("cache")).build();
    return new PackageLocker(repo)
        .resolve(List.of(pkg), "bookworm", "amd64").packages().stream()
            .filter(p -> p.name().equals(pkg))
            .map(BinaryPackage::version)
            .findFirst()
            .orElseThrow()
            .toString();
  }

  static ReadImage dockerBuild(String service, String versionArg, String version, String tag) {
    Path images = Docker.repoRoot().resolve("images");
    Docker.docker(
            Duration.ofMinutes(15),
            "build",
            "-q",
            "--network",
            "host",
            "--build-arg",
            "BUILDER_IMAGE=" + BUILDER,
            "--build-arg",
            "BASE_IMAGE=" + BASE,
            "--build-arg",
            versionArg + "=" + version,
            "-f",
            images.resolve(service).resolve("Dockerfile").toString(),
            "-t",
            tag,
            images.toString())
        .orThrow();
    Path saved = work.resolve(service + "-dockerfile.tar");
    Docker.docker("save", "-o", saved.toString(), tag).orThrow();
    return ImageReader.read(saved, ImageReader.Options.defaults());
  }

  static ReadImage distillBuild(String service) {
    Path archive = work.resolve(service + "-distill.tar");
    int code =
        Main.run(
            "build",
            Docker.repoRoot().resolve("images").resolve(service).toString(),
            "--quiet",
            "--no-write-lock",
            "--cache-dir",
            work.resolve("cache").toString(),
            "--output",
            "docker-archive:" + archive);
    assertThat(code).isZero();
    return ImageReader.read(archive, ImageReader.Options.defaults());
  }

  static String[] hardenedRun(String name, List<String> extra, String image) {
    return Stream.of(
            List.of("run", "-d", "--name", name), extra, ServiceImagesIT.HARDENED, List.of(image))
        .flatMap(List::stream)
        .toArray(String[]::new);
  }

  @Test
  void nginxDockerfileServesHardened() throws Exception {
    String tag = "distill-it/nginx-dockerfile:test";
    ReadImage built = dockerBuild("nginx", "NGINX_VERSION", candidate("nginx"), tag);
    assertThat(built.config().user()).isEqualTo("65532:65532");
    assertThat(built.rootFs().entries()).noneMatch(FsEntry::isSetuidOrSetgid);
    String name = "distill-it-nginx-df";
    Docker.docker("rm", "-f", name);
    try {
      Docker.docker(hardenedRun(name, List.of(), tag)).orThrow();
      HttpResponse<String> response = ServiceImagesIT.getWhenUp("http://127.0.0.1:8080/");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(Docker.processUid(name)).isEqualTo(65532);
    } finally {
      Docker.docker("rm", "-f", name);
    }
    assertThat(
            Docker.docker("run", "--rm", "--network", "host", "--entrypoint", "/bin/sh", tag)
                .exitCode())
        .isNotZero();
    accountForDifferences(built, distillBuild("nginx"));
  }

  @Test
  void redisDockerfileAnswersHardenedWithoutSentinel() throws Exception {
    String tag = "distill-it/redis-dockerfile:test";
    ReadImage built = dockerBuild("redis", "REDIS_VERSION", candidate("redis-server"), tag);
    assertThat(built.config().user()).isEqualTo("65532:65532");
    assertThat(built.files())
        .extracting(ImageFile::path)
        .contains("usr/bin/redis-server")
        .noneMatch(p -> p.endsWith("redis-sentinel") || p.endsWith("redis-cli"));
    String name = "distill-it-redis-df";
    String volume = "distill-it-redis-df-data";
    Docker.docker("rm", "-f", name);
    Docker.docker("volume", "rm", "-f", volume);
    try {
      ServiceImagesIT.startRedis(name, volume, tag);
      assertThat(ServiceImagesIT.redisCli("SET", "k", "v")).isEqualTo("OK");
      assertThat(ServiceImagesIT.redisCli("GET", "k")).isEqualTo("v");
      assertThat(Docker.processUid(name)).isEqualTo(65532);
    } finally {
      Docker.docker("rm", "-f", name);
      Docker.docker("volume", "rm", "-f", volume);
    }
    accountForDifferences(built, distillBuild("redis"));
  }

  /**
   * Every file of one image that the other lacks has a stated reason: the Dockerfile image also
   * holds the whole distroless cc base (libraries and zoneinfo the service never loads), and its
   * collector copies a package's copyright file through Debian's doc-directory link where distill
   * keeps the link itself; distill also writes each package's md5sums, which the collector doesn't.
   */
  static void accountForDifferences(ReadImage dockerfile, ReadImage distill) {
    Set<String> dockerfilePaths = paths(dockerfile);
    Set<String> distillPaths = paths(distill);
    Set<String> basePaths = paths(baseImage);
    RootFs distillTree = distill.rootFs();

    List<String> unexplained = new ArrayList<>();
    for (String p : difference(dockerfilePaths, distillPaths)) {
      boolean fromBase = basePaths.contains(p);
      boolean sameFileThroughLink =
          distillTree.resolve(p).map(e -> e.type() != EntryType.DIRECTORY).orElse(false);
      if (!fromBase && !sameFileThroughLink) {
        unexplained.add("only in the Dockerfile image: " + p);
      }
    }
    for (String p : difference(distillPaths, dockerfilePaths)) {
      if (!(p.startsWith("var/lib/dpkg/status.d/") && p.endsWith(".md5sums"))) {
        unexplained.add("only in the distill image: " + p);
      }
    }
    assertThat(unexplained).isEmpty();
    // Both record the same packages for scanners.
    assertThat(statusRecords(dockerfilePaths)).containsAll(statusRecords(distillPaths));
  }

  static Set<String> paths(ReadImage image) {
    return image.files().stream()
        .map(ImageFile::path)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  static Set<String> statusRecords(Set<String> paths) {
    return paths.stream()
        .filter(p -> p.startsWith("var/lib/dpkg/status.d/") && !p.endsWith(".md5sums"))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
