package dev.distill.cli;

import dev.distill.build.ImageBuilder;
import dev.distill.build.PackageLocker;
import dev.distill.debian.fetch.DebCache;
import dev.distill.debian.fetch.DebFetcher;
import dev.distill.debian.repo.DebianRepository;
import dev.distill.debian.repo.MirrorConfig;
import dev.distill.net.HttpFetcher;
import dev.distill.progress.ProgressListener;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where packages come from and where they are kept: shared by resolve, fetch, lock and build. */
final class RepoOptions {
  @Option(
      names = "--mirror",
      paramLabel = "URL",
      description = "Debian mirror (default: $DISTILL_MIRROR or http://deb.debian.org/debian).")
  String mirror;

  @Option(
      names = "--security-mirror",
      paramLabel = "URL",
      description =
          "Debian security mirror (default: $DISTILL_SECURITY_MIRROR or"
              + " http://deb.debian.org/debian-security).")
  String securityMirror;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Cache for indexes and .deb files (default: $DISTILL_CACHE or ~/.cache/distill).")
  Path cacheDir;

  @Option(
      names = "--offline",
      description = "Use only the cache; fail with the list of what is missing.")
  boolean offline;

  MirrorConfig mirrors() {
    return MirrorConfig.fromEnvironment(mirror, securityMirror);
  }

  Path cacheRoot() {
    return cacheDir != null ? cacheDir : DebCache.defaultCache().root();
  }

  DebianRepository repository(ProgressListener progress) {
    return DebianRepository.builder()
        .mirrors(mirrors())
        .cacheDir(cacheRoot())
        .offline(offline)
        .progress(progress)
        .build();
  }

  /** The image builder over these mirrors and this cache; the lock is resolved when missing. */
  ImageBuilder imageBuilder(ProgressListener progress) {
    return new ImageBuilder(
        new PackageLocker(() -> repository(progress)),
        fetcher(progress),
        mirrors(),
        System.getenv(),
        progress);
  }

  DebFetcher fetcher(ProgressListener progress) {
    return new DebFetcher(new DebCache(cacheRoot()), HttpFetcher.defaults(), 4, offline, progress);
  }
}
