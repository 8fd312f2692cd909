package dev.distill.debian.fetch;

import dev.distill.DistillException;
import dev.distill.debian.deb.DebPackage;
import dev.distill.debian.deb.DebReader;
import dev.distill.net.HttpFetcher;
import dev.distill.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads .deb files into a {@link DebCache} in parallel, checking each one's size, SHA-256 and
 * structure (it must read as a safe .deb naming the expected package) before it enters the cache.
 * In offline mode it only uses the cache and names everything that is missing at once.
 */
public final class DebFetcher {
  /** The task name reported to the {@link ProgressListener}. */
  public static final String TASK = "fetch .deb files";

  private final DebCache cache;
  private final HttpFetcher http;
  private final int parallelism;
  private final boolean offline;
  private final ProgressListener progress;

  /**
   * @param cache where verified files live
   * @param http the shared fetcher (timeouts, retries with backoff, proxy)
   * @param parallelism how many downloads run at once (at least 1; 4 is a good default)
   * @param offline when true, never touch the network
   * @param progress receives started/advanced/finished for {@link #TASK}, and notes
   */
  public DebFetcher(
      DebCache cache,
      HttpFetcher http,
      int parallelism,
      boolean offline,
      ProgressListener progress) {
    this.cache = Objects.requireNonNull(cache);
    this.http = Objects.requireNonNull(http);
    this.parallelism = Math.max(1, parallelism);
    this.offline = offline;
    this.progress = progress == null ? ProgressListener.NONE : progress;
  }

  /** A fetcher with the default cache, default HTTP settings and 4 parallel downloads. */
  public static DebFetcher defaults(boolean offline, ProgressListener progress) {
    return new DebFetcher(DebCache.defaultCache(), HttpFetcher.defaults(), 4, offline, progress);
  }

  /**
   * Makes every referenced .deb available in the cache and returns them in the order given.
   *
   * @throws DistillException naming every missing package (offline), or the first failure (online;
   *     the message says how many others failed)
   */
  public List<FetchedDeb> fetchAll(List<DebRef> refs) {
    List<FetchedDeb> result = new ArrayList<>(refs.size());
    List<DebRef> missing = new ArrayList<>();
    // Checking a cached file hashes it: on every core, in the order given.
    List<Optional<Path>> found = refs.parallelStream().map(r -> cache.find(r.sha256())).toList();
    for (int i = 0; i < refs.size(); i++) {
      DebRef ref = refs.get(i);
      Optional<Path> cached = found.get(i);
      if (cached.isPresent()) {
        result.add(new FetchedDeb(ref, cached.get(), false));
      } else {
        result.add(null);
        missing.add(ref);
      }
    }
    if (missing.isEmpty()) {
      return List.copyOf(result);
    }
    if (offline) {
      throw new DistillException(offlineMessage(missing));
    }
    List<FetchedDeb> downloaded = download(missing);
    int next = 0;
    for (int i = 0; i < result.size(); i++) {
      if (result.get(i) == null) {
        result.set(i, downloaded.get(next++));
      }
    }
    return List.copyOf(result);
  }

  /**
   * The packages {@code refs} name, in the order given, read on every core. A package whose
   * uncompressed copy is in the cache and intact is read from it alone; only the others are checked
   * in, or downloaded into, the cache ({@link #fetchAll}) and get their copy made. So a build whose
   * packages are all cached hashes each package once, not twice.
   */
  public List<DebPackage> readAll(List<DebRef> refs) {
    UnpackedDebs unpacked = new UnpackedDebs(cache.root());
    List<Optional<DebPackage>> ready = refs.parallelStream().map(unpacked::readIfIntact).toList();
    List<DebRef> missing = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      if (ready.get(i).isEmpty()) {
        missing.add(refs.get(i));
      }
    }
    List<DebPackage> made = fetchAll(missing).parallelStream().map(unpacked::read).toList();
    List<DebPackage> out = new ArrayList<>(refs.size());
    int next = 0;
    for (Optional<DebPackage> p : ready) {
      out.add(p.isPresent() ? p.get() : made.get(next++));
    }
    return List.copyOf(out);
  }

  /** Fetches one .deb (from the cache when it is there). */
  public FetchedDeb fetch(DebRef ref) {
    return fetchAll(List.of(ref)).get(0);
  }

  private String offlineMessage(List<DebRef> missing) {
    StringBuilder b =
        new StringBuilder()
            .append(missing.size())
            .append(" package(s) are not in the cache ")
            .append(cache.root())
            .append(" and --offline forbids downloading them:");
    for (DebRef ref : missing) {
      b.append("\n  ").append(ref.describe()).append("  ").append(ref.filename());
    }
    return b.append("\nRun once without --offline (with network access) to fill the cache.")
        .toString();
  }

  private List<FetchedDeb> download(List<DebRef> refs) {
    long total = refs.size();
    AtomicLong done = new AtomicLong();
    progress.started(TASK, total);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, refs.size()));
    try {
      List<Future<FetchedDeb>> futures = new ArrayList<>();
      for (DebRef ref : refs) {
        futures.add(
            pool.submit(
                () -> {
                  FetchedDeb f = downloadOne(ref);
                  synchronized (progress) {
                    progress.advanced(TASK, done.incrementAndGet(), total);
                  }
                  return f;
                }));
      }
      List<FetchedDeb> out = new ArrayList<>();
      List<RuntimeException> failures = new ArrayList<>();
      for (Future<FetchedDeb> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          failures.add(asRuntime(e.getCause()));
        }
      }
      if (!failures.isEmpty()) {
        throw combine(failures);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DistillException("Interrupted while downloading packages", e);
    } finally {
      pool.shutdownNow();
      progress.finished(TASK);
    }
  }

  private static RuntimeException asRuntime(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }

  private static RuntimeException combine(List<RuntimeException> failures) {
    RuntimeException first = failures.get(0);
    if (failures.size() == 1) {
      return first;
    }
    StringBuilder b = new StringBuilder(first.getMessage());
    b.append("\n").append(failures.size() - 1).append(" more download(s) failed:");
    for (RuntimeException r : failures.subList(1, failures.size())) {
      b.append("\n  ").append(r.getMessage());
    }
    RuntimeException combined =
        first instanceof DistillException
            ? new DistillException(b.toString(), first)
            : new IllegalStateException(b.toString(), first);
    return combined;
  }

  private FetchedDeb downloadOne(DebRef ref) {
    String what = ref.describe() + " from " + ref.uri();
    // A body cut off mid-stream surfaces as a short or failed read: try the whole file again.
    int attempts = 3;
    for (int attempt = 1; ; attempt++) {
      InputStream body;
      try {
        body = http.open(ref.uri());
      } catch (HttpFetcher.NotFoundException e) {
        throw new DistillException(goneMessage(ref), e);
      }
      try (InputStream in = body) {
        Path p = cache.store(ref.sha256(), ref.size(), in, what, file -> checkStructure(ref, file));
        return new FetchedDeb(ref, p, true);
      } catch (DistillException e) {
        if (attempt >= attempts || !isTransient(e)) {
          throw e;
        }
        progress.note("Retrying " + what + " after: " + e.getMessage());
      } catch (IOException e) {
        if (attempt >= attempts) {
          throw new DistillException("Could not download " + what + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** A short body or a broken connection may heal on retry; a wrong hash or bad .deb will not. */
  private static boolean isTransient(DistillException e) {
    return e.getCause() instanceof IOException || e.getMessage().contains(" is truncated: got ");
  }

  private static String goneMessage(DebRef ref) {
    return ref.describe()
        + " is gone from the mirror: "
        + ref.uri()
        + " answered 404. Debian's mirrors drop superseded versions, so the lock file names a"
        + " version the archive no longer serves. Run `distill lock` to refresh the lock to the"
        + " current versions, or pin the lock to a snapshot archive (snapshot.debian.org at the"
        + " lock's date) to keep these exact versions.";
  }

  /** The downloaded file must be a safe .deb naming the package and version that was asked for. */
  private static void checkStructure(DebRef ref, Path file) {
    DebPackage p;
    try {
      p = DebReader.read(file, ref.filename().substring(ref.filename().lastIndexOf('/') + 1));
    } catch (DistillException e) {
      throw new DistillException(
          ref.describe()
              + " from "
              + ref.uri()
              + " was refused; nothing was cached: "
              + e.getMessage(),
          e);
    }
    if (!p.packageName().equals(ref.packageName()) || !p.version().equals(ref.version())) {
      throw new DistillException(
          ref.describe()
              + " from "
              + ref.uri()
              + " is really "
              + p.packageName()
              + " "
              + p.version()
              + "; nothing was cached. The lock file or the index is inconsistent: run `distill"
              + " lock` to refresh it.");
    }
  }
}
