package dev.distill.secrets;

import dev.distill.DistillException;
import dev.distill.progress.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scans a source for secrets with one {@link Detector}: a directory tree, a git repository's
 * history or staged changes, a stream, or a list of files (e.g. from image layers). Files and
 * commits are scanned in parallel on a bounded pool; binary and oversized files are skipped with a
 * note. Never prints: notes and progress go to the {@link ProgressListener}.
 */
public final class SecretScanner {
  static final int SNIFF_BYTES = 8 * 1024;

  private final Detector detector;
  private final ScanOptions options;
  private final Suppressions suppressions;
  private final ProgressListener progress;
  // One read buffer per worker thread, reused across files instead of one allocation per file.
  private final ThreadLocal<byte[]> buffers = new ThreadLocal<>();
  private static final int MAX_REUSED_BUFFER = 1 << 20;

  public SecretScanner(
      Detector detector,
      ScanOptions options,
      Suppressions suppressions,
      ProgressListener progress) {
    this.detector = detector;
    this.options = options;
    this.suppressions = suppressions;
    this.progress = new SynchronizedProgress(progress);
  }

  /** Every regular file under {@code root} (paths relative to it, '/'-separated). */
  public ScanResult scanDirectory(Path root) {
    if (!Files.isDirectory(root)) {
      throw new DistillException("cannot scan " + root + ": not a directory");
    }
    Collector c = new Collector();
    // The detector's costlier tables are made while the tree is listed (another core is usually
    // idle then), instead of by the first workers, which would wait for them.
    if (options.threads() > 1) {
      Thread prepare =
          new Thread(
              () -> {
                try {
                  detector.prepare();
                } catch (RuntimeException e) {
                  // Not made now: the worker that needs it makes it, and reports what fails there.
                }
              },
              "distill-secrets-prepare");
      prepare.setDaemon(true);
      prepare.start();
    }
    List<DirectoryWalker.Entry> files;
    try {
      files = new DirectoryWalker(root, options.honourGitignore()).entries();
    } catch (IOException e) {
      throw new DistillException("cannot list " + root + ": " + e.getMessage(), e);
    }
    String task = "secrets: files";
    progress.started(task, files.size());
    AtomicLong done = new AtomicLong();
    runAll(
        files,
        file -> {
          String rel = root.relativize(file.path()).toString().replace('\\', '/');
          try {
            if (tooBig(rel, file.size(), c)) {
              pathRules(rel, null, c);
              return;
            }
            // A plain FileInputStream: a file channel costs more to open and close, which a tree
            // of small files does thousands of times (300 MB, 3,203 files: ~20 ms of the run).
            try (InputStream in = new FileInputStream(file.path().toFile())) {
              scanStream(in, file.size(), rel, null, 1, c);
            }
          } catch (IOException e) {
            c.note("skipped " + rel + ": cannot read (" + e.getMessage() + ")");
          } finally {
            advance(task, done, files.size());
          }
        });
    progress.finished(task);
    return c.result();
  }

  /** Files given by path and bytes, e.g. the files inside an image's layers. */
  public ScanResult scanFiles(Iterable<NamedContent> files) {
    Collector c = new Collector();
    String task = "secrets: files";
    progress.started(task, -1);
    AtomicLong done = new AtomicLong();
    runAll(
        files,
        f -> {
          try {
            if (tooBig(f.path(), f.content().length, c)) {
              pathRules(f.path(), null, c);
            } else {
              scanStream(
                  new ByteArrayInputStream(f.content()), f.content().length, f.path(), null, 1, c);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            advance(task, done, -1);
          }
        });
    progress.finished(task);
    return c.result();
  }

  /** One stream (e.g. stdin), reported under {@code name}. */
  public ScanResult scanStream(InputStream in, String name) {
    Collector c = new Collector();
    try {
      scanStream(in, name, null, 1, c);
    } catch (IOException e) {
      throw new DistillException("cannot read " + name + ": " + e.getMessage(), e);
    }
    return c.result();
  }

  /** Added lines of every commit reachable from any ref of the repository at {@code repoDir}. */
  public ScanResult scanGitHistory(Path repoDir) {
    Collector c = new Collector();
    try (GitHistorySource git = GitHistorySource.open(repoDir, options, progress)) {
      List<org.eclipse.jgit.lib.ObjectId> commits = git.commits();
      String task = "secrets: commits";
      progress.started(task, commits.size());
      AtomicLong done = new AtomicLong();
      runAll(
          commits,
          id -> {
            try {
              git.addedFragments(id, hunks(c), c::note);
            } catch (IOException e) {
              c.note("skipped commit " + id.name() + ": " + e.getMessage());
            } finally {
              advance(task, done, commits.size());
            }
          });
      progress.finished(task);
    } catch (IOException e) {
      throw new DistillException(
          "cannot read git repository " + repoDir + ": " + e.getMessage(), e);
    }
    return c.result();
  }

  /** Lines added in the index against HEAD: what a pre-commit hook must check. */
  public ScanResult scanStaged(Path repoDir) {
    Collector c = new Collector();
    try (GitHistorySource git = GitHistorySource.open(repoDir, options, progress)) {
      git.stagedFragments(hunks(c), c::note);
    } catch (IOException e) {
      throw new DistillException(
          "cannot read git repository " + repoDir + ": " + e.getMessage(), e);
    }
    return c.result();
  }

  /** Whether {@code dir} is inside a git work tree (or is a git directory). */
  public static boolean isGitRepository(Path dir) {
    return GitHistorySource.isGitRepository(dir);
  }

  private boolean tooBig(String path, long size, Collector c) {
    if (options.maxFileBytes() > 0 && size > options.maxFileBytes()) {
      c.note(
          "skipped "
              + path
              + ": "
              + size
              + " bytes is over the size limit of "
              + options.maxFileBytes()
              + " bytes");
      return true;
    }
    return false;
  }

  private void scanStream(
      InputStream in, String path, CommitInfo commit, int firstLine, Collector c)
      throws IOException {
    scanStream(in, -1, path, commit, firstLine, c);
  }

  private void scanStream(
      InputStream in, long size, String path, CommitInfo commit, int firstLine, Collector c)
      throws IOException {
    ChunkReader reader =
        new ChunkReader(in, options.chunkBytes(), options.maxLineBytes(), size, buffers.get());
    if (reader.buffer().length <= MAX_REUSED_BUFFER) {
      buffers.set(reader.buffer()); // scanning is synchronous: no other reader uses it meanwhile
    }
    byte[] head = reader.peek(SNIFF_BYTES);
    if (isBinary(head)) {
      c.note("skipped " + path + ": binary content");
      pathRules(path, commit, c);
      return;
    }
    c.files.incrementAndGet();
    if (head.length == 0) {
      pathRules(path, commit, c); // no chunk to carry them
      return;
    }
    for (ChunkReader.Chunk chunk = reader.next(); chunk != null; chunk = reader.next()) {
      byte[] bytes = reader.buffer();
      int length = chunk.byteLength();
      AsciiPrescan prescan = detector.prescan(bytes, length);
      if (prescan != null) {
        reader.lastChunkNewlines(prescan.newlines());
      }
      // All ASCII: each byte is its char, which the Latin-1 decoder copies without checking.
      String text =
          new String(
              bytes,
              0,
              length,
              prescan != null ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      c.bytes.addAndGet(text.length());
      Fragment f =
          new Fragment(
              text,
              path,
              firstLine + chunk.startLine() - 1,
              commit,
              chunk.first(),
              chunk.startColumnOffset());
      c.add(detector.detect(f, prescan));
    }
    if (reader.cutLongLine()) {
      c.note(
          path
              + ": a line longer than "
              + options.maxLineBytes()
              + " bytes was scanned in pieces; a secret across a cut can be missed");
    }
  }

  /**
   * The findings of rules that look at the path alone (gitleaks' "file detected", e.g. a PKCS #12
   * file), for a file whose content is not scanned: binary, empty or over the size limit.
   */
  private void pathRules(String path, CommitInfo commit, Collector c) {
    c.add(detector.detect(new Fragment("", path, 1, commit, true, 0)));
  }

  /** Where a git source sends what it reads: hunks are scanned, unscanned files path-checked. */
  private GitHistorySource.HunkSink hunks(Collector c) {
    return new GitHistorySource.HunkSink() {
      @Override
      public void accept(byte[] added, String path, int startLine, CommitInfo commit) {
        scanText(added, path, startLine, commit, c);
      }

      @Override
      public void notScanned(String path, CommitInfo commit) {
        pathRules(path, commit, c);
      }
    };
  }

  private void scanText(byte[] raw, String path, int startLine, CommitInfo commit, Collector c) {
    try {
      scanStream(new ByteArrayInputStream(raw), path, commit, startLine, c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Binary when a NUL byte occurs in the first 8 KiB. */
  static boolean isBinary(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private void advance(String task, AtomicLong done, long total) {
    long d = done.incrementAndGet();
    if (d % 100 == 0 || d == total) {
      progress.advanced(task, d, total);
    }
  }

  /**
   * Runs {@code work} over {@code items} on a bounded pool; the caller runs work when it is full.
   */
  private <T> void runAll(Iterable<T> items, java.util.function.Consumer<T> work) {
    int threads = Math.max(1, options.threads());
    if (threads == 1) {
      items.forEach(work);
      return;
    }
    if (items instanceof List<T> list && items instanceof RandomAccess) {
      runAllOf(list, work, threads);
      return;
    }
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            10,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(threads * 8),
            r -> {
              Thread t = new Thread(r, "distill-secrets");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (T item : items) {
        futures.add(pool.submit(() -> work.accept(item)));
        if (futures.size() > 4096) {
          drain(futures);
        }
      }
      drain(futures);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs {@code work} over a list on {@code threads} helpers and the calling thread, each taking
   * the next item until none is left, as the pool below does with the caller running work when the
   * queue is full. Why not the pool for a list: its worker loop runs once per thread, so the JIT
   * never compiles it (loops are compiled after tens of thousands of turns, a few thousand files
   * make a few thousand), and each item cost a future, a lock and often a wake-up besides (a 300 MB
   * tree of 3,203 files: 60 ms less wall time, 100 ms less CPU). The first failure stops the taking
   * and is thrown once every thread is done.
   */
  private static <T> void runAllOf(
      List<T> items, java.util.function.Consumer<T> work, int threads) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable take =
        () -> {
          for (int i = next.getAndIncrement();
              i < items.size() && failure.get() == null;
              i = next.getAndIncrement()) {
            try {
              work.accept(items.get(i));
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            }
          }
        };
    List<Thread> helpers = new ArrayList<>();
    for (int k = 0; k < Math.min(threads, items.size() - 1); k++) {
      Thread t = new Thread(take, "distill-secrets");
      t.setDaemon(true);
      t.start();
      helpers.add(t);
    }
    take.run();
    for (Thread t : helpers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        failure.compareAndSet(null, new IllegalStateException("interrupted", e));
        next.set(items.size()); // the helpers take nothing more
        Thread.currentThread().interrupt();
        break;
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  private static void drain(List<Future<?>> futures) {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(cause);
      }
    }
    futures.clear();
  }

  /**
   * Commit date and commit (none first), path, line, column, rule. Written out rather than as a
   * chain of comparators: it sorts the findings once, at the end, while the rest of the process
   * waits, in code not yet compiled (6,411 findings: ~17 -> ~10 ms).
   */
  private static int reportOrder(SecretFinding a, SecretFinding b) {
    int c =
        (a.commit() == null ? "" : a.commit().date())
            .compareTo(b.commit() == null ? "" : b.commit().date());
    if (c == 0) {
      c =
          (a.commit() == null ? "" : a.commit().sha())
              .compareTo(b.commit() == null ? "" : b.commit().sha());
    }
    if (c == 0) {
      c = a.path().compareTo(b.path());
    }
    if (c == 0) {
      c = Integer.compare(a.startLine(), b.startLine());
    }
    if (c == 0) {
      c = Integer.compare(a.startColumn(), b.startColumn());
    }
    return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
  }

  /** Collects findings and notes from all workers. */
  private final class Collector {
    final ConcurrentLinkedQueue<SecretFinding> findings = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> notes = new ConcurrentLinkedQueue<>();
    final AtomicLong files = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    void add(List<SecretFinding> found) {
      findings.addAll(found);
    }

    void note(String message) {
      notes.add(message);
      progress.note(message);
    }

    ScanResult result() {
      List<SecretFinding> list = new ArrayList<>(suppressions.filter(new ArrayList<>(findings)));
      list.sort(SecretScanner::reportOrder);
      List<String> sortedNotes = new ArrayList<>(notes);
      sortedNotes.sort(null);
      return new ScanResult(list, sortedNotes, files.get(), bytes.get());
    }
  }

  /** Serialises events from the workers: listeners need not be thread-safe. */
  private record SynchronizedProgress(ProgressListener delegate) implements ProgressListener {
    @Override
    public synchronized void started(String task, long total) {
      delegate.started(task, total);
    }

    @Override
    public synchronized void advanced(String task, long done, long total) {
      delegate.advanced(task, done, total);
    }

    @Override
    public synchronized void finished(String task) {
      delegate.finished(task);
    }

    @Override
    public synchronized void note(String message) {
      delegate.note(message);
    }
  }
}
