package dev.distill.debian.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.debian.repo.RepositoryVerificationException.Reason;
import dev.distill.net.HttpFetcher;
import dev.distill.progress.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianRepositoryTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-07-12T00:00:00Z"), ZoneOffset.UTC);
  private static final String BASE =
      "Package: nginx\nVersion: 1.22.1-9\nArchitecture: amd64\nSource: nginx (1.22.1-9)\n"
          + "Depends: libc6 (>= 2.34), libssl3 (>= 3.0.0)\nFilename: pool/main/n/nginx/nginx_1.22.1-9_amd64.deb\n"
          + "Size: 600\nSHA256: "
          + "1".repeat(64)
          + "\n\nPackage: libc6\nVersion: 2.36-9\nArchitecture: amd64\nMulti-Arch: same\n"
          + "Filename: pool/main/g/glibc/libc6_2.36-9_amd64.deb\nSize: 2000\nSHA256: "
          + "2".repeat(64)
          + "\n";
  private static final String UPDATES = "";
  private static final String SECURITY =
      "Package: libssl3\nVersion: 3.0.15-1~deb12u1\nArchitecture: amd64\nSource: openssl\n"
          + "Filename: pool/updates/main/o/openssl/libssl3_3.0.15-1~deb12u1_amd64.deb\nSize: 900\n"
          + "SHA256: "
          + "3".repeat(64)
          + "\n";

  @TempDir Path cache;
  private final TestSigner signer = new TestSigner(42);
  private FakeMirror mirror;

  @BeforeEach
  void start() throws IOException {
    mirror = new FakeMirror(signer);
  }

  @AfterEach
  void stop() {
    mirror.close();
  }

  private DebianRepository repository(boolean offline, ProgressListener progress) {
    return DebianRepository.builder()
        .mirrors(mirror.mirrors())
        .cacheDir(cache)
        .fetcher(new HttpFetcher(Duration.ofSeconds(10), 1, Duration.ofMillis(1), Map.of()))
        .verifier(signer.verifier(CLOCK))
        .offline(offline)
        .progress(progress)
        .build();
  }

  private void publishAll(boolean byHash) {
    mirror.publish("bookworm", BASE, byHash, null, null);
    mirror.publish("bookworm-updates", UPDATES, byHash, "Sat, 18 Jul 2026 10:16:37 UTC", null);
    mirror.publish("bookworm-security", SECURITY, byHash, "Sat, 18 Jul 2026 10:16:37 UTC", null);
  }

  private List<Path> cachedIndexFiles() throws IOException {
    Path dir = cache.resolve("indexes/sha256");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void loadsEverySuiteByHashAndReusesTheCacheOnTheNextRun() throws IOException {
    publishAll(true);
    List<String> events = new CopyOnWriteArrayList<>();
    ProgressListener progress =
        new ProgressListener() {
          @Override
          public void finished(String task) {
            events.add(task);
          }
        };

    PackageUniverse u = repository(false, progress).load("bookworm", "amd64");

    assertThat(u.packages())
        .extracting(BinaryPackage::id)
        .containsExactly("nginx=1.22.1-9", "libc6=2.36-9", "libssl3=3.0.15-1~deb12u1");
    BinaryPackage nginx = u.packages().get(0);
    assertThat(nginx.depends()).hasSize(2);
    assertThat(nginx.sourceName()).isEqualTo("nginx");
    assertThat(nginx.suite()).isEqualTo("bookworm");
    assertThat(u.packages().get(1).multiArch()).isEqualTo(MultiArch.SAME);
    BinaryPackage ssl = u.packages().get(2);
    assertThat(ssl.suite()).isEqualTo("bookworm-security");
    assertThat(ssl.sourceName()).isEqualTo("openssl");
    assertThat(ssl.sourceVersion()).isEqualTo(ssl.version());
    assertThat(ssl.downloadUri().toString())
        .startsWith(mirror.mirrors().security() + "/pool/updates/");
    assertThat(u.releaseDate()).isEqualTo(Instant.parse("2026-07-11T10:16:37Z"));
    assertThat(mirror.requestsMatching("/by-hash/SHA256/")).isEqualTo(3);
    assertThat(mirror.requestsMatching("Packages.xz")).isZero();
    assertThat(cachedIndexFiles()).hasSize(3);
    assertThat(events).anyMatch(e -> e.contains("bookworm-security"));

    PackageUniverse again = repository(false, ProgressListener.NONE).load("bookworm", "amd64");

    assertThat(again.packages()).hasSize(3);
    assertThat(mirror.requestsMatching("/by-hash/")).isEqualTo(3);
    assertThat(mirror.requestsMatching("InRelease")).isEqualTo(6);
  }

  @Test
  void withoutAcquireByHashThePlainPathIsFetched() {
    publishAll(false);

    PackageUniverse u = repository(false, ProgressListener.NONE).load("bookworm", "amd64");

    assertThat(u.packages()).hasSize(3);
    assertThat(mirror.requestsMatching("main/binary-amd64/Packages.xz")).isEqualTo(3);
  }

  @Test
  void missingByHashFileFallsBackToThePlainPathStillHashChecked() {
    publishAll(true);
    for (String path : List.copyOf(mirror.files.keySet())) {
      if (path.contains("/by-hash/SHA256/")) {
        byte[] body = mirror.files.remove(path);
        mirror.files.put(path.replaceFirst("by-hash/SHA256/[0-9a-f]+$", "Packages.xz"), body);
      }
    }

    PackageUniverse u = repository(false, ProgressListener.NONE).load("bookworm", "amd64");

    assertThat(u.packages()).hasSize(3);
    assertThat(mirror.requestsMatching("/by-hash/")).isEqualTo(3);
    assertThat(mirror.requestsMatching("main/binary-amd64/Packages.xz")).isEqualTo(3);
  }

  @Test
  void packagesWithWrongHashAreRefusedAndNothingIsCached() throws IOException {
    publishAll(true);
    String tamperedText = SECURITY.replace("3.0.15-1~deb12u1", "3.0.15-1~deb12u9");
    mirror.publish(
        "bookworm-security",
        SECURITY,
        true,
        "Sat, 18 Jul 2026 10:16:37 UTC",
        FakeMirror.xz(tamperedText));
    DebianRepository repo = repository(false, ProgressListener.NONE);
    Suite security = Suite.forRelease("bookworm", mirror.mirrors()).get(2);

    assertThatThrownBy(() -> repo.loadPackages(security, repo.loadRelease(security), "amd64"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.HASH_MISMATCH))
        .hasMessageContaining("bookworm-security main/binary-amd64/Packages.xz")
        .hasMessageContaining("does not match the signed Release");
    assertThat(cachedIndexFiles()).isEmpty();
  }

  @Test
  void truncatedPackagesAreRefusedToo() throws IOException {
    byte[] xz = FakeMirror.xz(BASE);
    mirror.publish("bookworm", BASE, true, null, java.util.Arrays.copyOf(xz, xz.length - 10));
    DebianRepository repo = repository(false, ProgressListener.NONE);
    Suite base = Suite.forRelease("bookworm", mirror.mirrors()).get(0);

    assertThatThrownBy(() -> repo.loadPackages(base, repo.loadRelease(base), "amd64"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.HASH_MISMATCH));
    assertThat(cachedIndexFiles()).isEmpty();
  }

  @Test
  void tamperedInReleaseIsRefusedAndNotCached() {
    publishAll(true);
    String path = "/debian/dists/bookworm/InRelease";
    String text = new String(mirror.files.get(path), StandardCharsets.UTF_8);
    mirror.files.put(
        path, text.replace("Origin: Debian", "Origin: Evil").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> repository(false, ProgressListener.NONE).load("bookworm", "amd64"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
        .hasMessageContaining("/debian/dists/bookworm/InRelease");
    assertThat(cache.resolve("indexes/inrelease")).doesNotExist();
  }

  @Test
  void offlineUsesOnlyTheCacheAndListsWhatIsMissing() {
    publishAll(true);

    assertThatThrownBy(() -> repository(true, ProgressListener.NONE).load("bookworm", "amd64"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("Offline mode")
        .hasMessageContaining("InRelease of bookworm-security")
        .hasMessageContaining("bookworm-updates main/binary-amd64/Packages.xz")
        .hasMessageContaining("without --offline");
    assertThat(mirror.requests).isEmpty();

    repository(false, ProgressListener.NONE).load("bookworm", "amd64");
    int before = mirror.requests.size();
    PackageUniverse offline = repository(true, ProgressListener.NONE).load("bookworm", "amd64");

    assertThat(offline.packages()).hasSize(3);
    assertThat(mirror.requests).hasSize(before);
  }

  @Test
  void offlineNamesAMissingIndexWhenOnlyInReleaseIsCached() throws IOException {
    publishAll(true);
    repository(false, ProgressListener.NONE).load("bookworm", "amd64");
    for (Path p : cachedIndexFiles()) {
      Files.delete(p);
    }

    assertThatThrownBy(() -> repository(true, ProgressListener.NONE).load("bookworm", "amd64"))
        .hasMessageContaining("bookworm main/binary-amd64/Packages.xz (sha256 ");
  }

  @Test
  void corruptCacheEntryIsFetchedAgain() throws IOException {
    publishAll(true);
    repository(false, ProgressListener.NONE).load("bookworm", "amd64");
    for (Path p : cachedIndexFiles()) {
      Files.write(p, new byte[] {1, 2, 3});
    }

    PackageUniverse u = repository(false, ProgressListener.NONE).load("bookworm", "amd64");

    assertThat(u.packages()).hasSize(3);
    assertThat(mirror.requestsMatching("/by-hash/")).isEqualTo(6);
  }

  @Test
  void architectureMissingFromReleaseIsReported() {
    publishAll(true);
    DebianRepository repo = repository(false, ProgressListener.NONE);
    Suite base = Suite.forRelease("bookworm", mirror.mirrors()).get(0);

    assertThatThrownBy(() -> repo.loadPackages(base, repo.loadRelease(base), "arm64"))
        .isInstanceOfSatisfying(
            RepositoryVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_LISTED))
        .hasMessageContaining("main/binary-arm64/Packages.xz");
  }

  @Test
  void unsupportedReleaseAndArchitectureAreRejected() {
    DebianRepository repo = repository(true, ProgressListener.NONE);

    assertThatThrownBy(() -> repo.load("sid", "amd64"))
        .hasMessageContaining("Unsupported Debian release 'sid'")
        .hasMessageContaining("bookworm, trixie");
    assertThatThrownBy(() -> repo.load("bookworm", "i386"))
        .hasMessageContaining("Unsupported architecture 'i386'");
  }
}
