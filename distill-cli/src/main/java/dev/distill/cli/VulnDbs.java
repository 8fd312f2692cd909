package dev.distill.cli;

import dev.distill.DistillException;
import dev.distill.net.HttpFetcher;
import dev.distill.progress.ProgressListener;
import dev.distill.vuln.VulnDbStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The vulnerability DB a command uses: a given directory as is, else the cache, refreshed when
 * older than a day unless offline (a failed refresh keeps the old DB with a warning).
 */
final class VulnDbs {
  private VulnDbs() {}

  static VulnDbStore open(Path db, boolean offline, Clock clock, PrintWriter err) {
    if (db != null) {
      return new VulnDbStore(db);
    }
    VulnDbStore store = new VulnDbStore(VulnDbStore.defaultDir(System.getenv()));
    if (offline) {
      return store;
    }
    boolean fresh = store.age(clock).map(a -> a.toHours() < 24).orElse(false);
    if (store.exists() && fresh) {
      return store;
    }
    try {
      store.update(
          new HttpFetcher(Duration.ofSeconds(30), 2, Duration.ofMillis(500), System.getenv()),
          ProgressListener.NONE,
          clock,
          0);
    } catch (DistillException e) {
      if (!store.exists()) {
        throw e;
      }
      err.println("warning: could not update the vulnerability DB (" + e.getMessage() + ")");
    }
    return store;
  }

  /** Warns on {@code err} when the DB is {@code maxAgeDays} or more old. */
  static void warnIfOld(VulnDbStore store, Clock clock, int maxAgeDays, PrintWriter err) {
    store
        .age(clock)
        .filter(a -> a.toDays() >= maxAgeDays)
        .ifPresent(
            a ->
                err.println(
                    "warning: the vulnerability DB in "
                        + store.dir()
                        + " is "
                        + a.toDays()
                        + " days old; update it (run without --offline) for current results"));
  }
}
