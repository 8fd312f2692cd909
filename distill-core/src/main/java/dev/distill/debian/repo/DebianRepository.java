package dev.distill.debian.repo;

import dev.distill.DistillException;
import dev.distill.debian.ControlFile;
import dev.distill.debian.repo.RepositoryVerificationException.Reason;
import dev.distill.net.HttpFetcher;
import dev.distill.progress.ProgressListener;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tukaani.xz.XZInputStream;

/**
 * The Debian archive as distill sees it: verified InRelease files, hash-checked Packages indexes
 * cached by content, and the package universe of a release. Offline, only the cache is used.
 */
public final class DebianRepository {
  static final String PACKAGES_XZ = ".xz";

  private final MirrorConfig mirrors;
  private final IndexCache cache;
  private final HttpFetcher fetcher;
  private final InReleaseVerifier verifier;
  private final ProgressListener progress;
  private final boolean offline;

  private DebianRepository(Builder b) {
    this.mirrors = b.mirrors;
    this.cache = new IndexCache(b.cacheDir);
    this.fetcher = b.fetcher != null ? b.fetcher : HttpFetcher.defaults();
    this.verifier = b.verifier != null ? b.verifier : InReleaseVerifier.debian(b.clock);
    this.progress = b.progress;
    this.offline = b.offline;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options for {@link DebianRepository}; every one has a default. */
  public static final class Builder {
    private MirrorConfig mirrors = MirrorConfig.defaults();
    private Path cacheDir = IndexCache.defaultRoot(System.getenv());
    private HttpFetcher fetcher;
    private InReleaseVerifier verifier;
    private Clock clock = Clock.systemUTC();
    private ProgressListener progress = ProgressListener.NONE;
    private boolean offline;

    private Builder() {}

    public Builder mirrors(MirrorConfig mirrors) {
      this.mirrors = Objects.requireNonNull(mirrors);
      return this;
    }

    /** The cache root (default {@code ~/.cache/distill} or {@code DISTILL_CACHE}). */
    public Builder cacheDir(Path cacheDir) {
      this.cacheDir = Objects.requireNonNull(cacheDir);
      return this;
    }

    public Builder fetcher(HttpFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher);
      return this;
    }

    /** The trusted keys (default: Debian's archive keys). */
    public Builder verifier(InReleaseVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier);
      return this;
    }

    /** The clock Valid-Until is checked against (ignored when a verifier is given). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress);
      return this;
    }

    /** Use only the cache: no network access at all. */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    public DebianRepository build() {
      return new DebianRepository(this);
    }
  }

  /**
   * Loads all packages of {@code release} (e.g. {@code bookworm}), its {@code -updates} and {@code
   * -security} suites for {@code arch}.
   */
  public PackageUniverse load(String release, String arch) {
    DebianReleases.requireSupported(release);
    DebianReleases.requireSupportedArchitecture(arch);
    List<Suite> suites = Suite.forRelease(release, mirrors);
    if (offline) {
      requireCached(suites, arch);
    }
    List<PackageUniverse.LoadedSuite> loaded = new ArrayList<>();
    List<BinaryPackage> packages = new ArrayList<>();
    for (Suite suite : suites) {
      ReleaseFile releaseFile = loadRelease(suite);
      loaded.add(new PackageUniverse.LoadedSuite(suite, releaseFile));
      packages.addAll(loadPackages(suite, releaseFile, arch));
    }
    return new PackageUniverse(release, arch, loaded, packages);
  }

  /** Fetches (or, offline, reads from the cache) and verifies the InRelease of {@code suite}. */
  public ReleaseFile loadRelease(Suite suite) {
    URI uri = suite.inReleaseUri();
    if (offline) {
      byte[] cached =
          cache
              .readInRelease(suite)
              .orElseThrow(() -> missingOffline(List.of("InRelease of " + suite.name())));
      return verifier.verify(cached, suite.name(), uri + " (cached)");
    }
    progress.note("Fetching " + uri);
    byte[] content = fetcher.fetchBytes(uri);
    ReleaseFile release = verifier.verify(content, suite.name(), uri.toString());
    cache.storeInRelease(suite, content);
    return release;
  }

  /**
   * Returns the packages of {@code suite} for {@code arch}, from the cache when the signed hash is
   * already there, else downloaded and checked before it is parsed or cached.
   */
  public List<BinaryPackage> loadPackages(Suite suite, ReleaseFile release, String arch) {
    Path file = packagesFile(suite, release, arch);
    String source = suite.name() + " " + suite.packagesPath(arch, PACKAGES_XZ);
    List<BinaryPackage> out = new ArrayList<>();
    progress.started("Reading " + source, -1);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        Reader reader = new InputStreamReader(new XZInputStream(raw), StandardCharsets.UTF_8)) {
      ControlFile.parse(
          reader,
          source,
          stanza ->
              out.add(BinaryPackage.fromStanza(stanza, suite.name(), suite.mirror(), source)));
    } catch (IOException e) {
      throw new DistillException(
          "Cannot decompress "
              + source
              + " ("
              + file
              + "): "
              + e.getMessage()
              + ". Delete the file from the cache and retry.",
          e);
    }
    progress.finished("Reading " + source);
    return List.copyOf(out);
  }

  private Path packagesFile(Suite suite, ReleaseFile release, String arch) {
    ReleaseFile.FileEntry entry = packagesEntry(suite, release, arch);
    Optional<Path> cached = cache.find(entry.sha256(), entry.size());
    if (cached.isPresent()) {
      return cached.get();
    }
    if (offline) {
      throw missingOffline(List.of(suite.name() + " " + entry.path()));
    }
    String what = suite.name() + " " + entry.path();
    URI uri =
        release.acquireByHash()
            ? suite.distsUri(byHashPath(entry.path(), entry.sha256()))
            : suite.distsUri(entry.path());
    InputStream in;
    try {
      in = fetcher.open(uri);
    } catch (HttpFetcher.NotFoundException e) {
      if (!release.acquireByHash()) {
        throw e;
      }
      // A mirror may not have the by-hash file yet; the plain path is hash-checked the same way.
      uri = suite.distsUri(entry.path());
      in = fetcher.open(uri);
    }
    progress.note("Fetching " + uri);
    return cache.store(in, entry.sha256(), entry.size(), what + " (" + uri + ")", progress);
  }

  private static ReleaseFile.FileEntry packagesEntry(
      Suite suite, ReleaseFile release, String arch) {
    String path = suite.packagesPath(arch, PACKAGES_XZ);
    return release
        .file(path)
        .orElseThrow(
            () ->
                new RepositoryVerificationException(
                    Reason.NOT_LISTED,
                    "The signed Release file of "
                        + suite.name()
                        + " does not list "
                        + path
                        + "; the suite does not offer architecture "
                        + arch
                        + " or the mirror is incomplete."));
  }

  static String byHashPath(String path, String sha256) {
    int slash = path.lastIndexOf('/');
    return path.substring(0, slash + 1) + "by-hash/SHA256/" + sha256;
  }

  /** Lists everything an offline load of these suites would still need. */
  private void requireCached(List<Suite> suites, String arch) {
    List<String> missing = new ArrayList<>();
    for (Suite suite : suites) {
      Optional<byte[]> inRelease = cache.readInRelease(suite);
      if (inRelease.isEmpty()) {
        missing.add("InRelease of " + suite.name() + " (" + suite.inReleaseUri() + ")");
        missing.add(suite.name() + " " + suite.packagesPath(arch, PACKAGES_XZ));
        continue;
      }
      ReleaseFile release =
          verifier.verify(inRelease.get(), suite.name(), suite.inReleaseUri() + " (cached)");
      ReleaseFile.FileEntry entry = packagesEntry(suite, release, arch);
      if (cache.find(entry.sha256(), entry.size()).isEmpty()) {
        missing.add(suite.name() + " " + entry.path() + " (sha256 " + entry.sha256() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw missingOffline(missing);
    }
  }

  private DistillException missingOffline(List<String> missing) {
    return new DistillException(
        "Offline mode: the cache at "
            + cache.root()
            + " lacks:\n  "
            + String.join("\n  ", missing)
            + "\nRun the same command once without --offline to fill the cache.");
  }
}
