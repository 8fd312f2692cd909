package dev.distill.cli;

import dev.distill.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns library progress events into lines on stderr: one line when a task starts, a line every 10%
 * (or every 5 s worth of items) as it advances, and notes. Quiet mode prints nothing but notes
 * marked as warnings.
 */
final class ConsoleProgress implements ProgressListener {
  private final PrintWriter err;
  private final boolean quiet;
  private final Map<String, Integer> lastDecile = new ConcurrentHashMap<>();

  ConsoleProgress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  @Override
  public void started(String task, long total) {
    if (!quiet) {
      print(total > 0 ? task + " (" + total + ")…" : task + "…");
    }
  }

  @Override
  public void advanced(String task, long done, long total) {
    if (quiet || total <= 0) {
      return;
    }
    int decile = (int) (done * 10 / total);
    Integer previous = lastDecile.put(task, decile);
    if (previous == null || decile > previous) {
      print(task + ": " + done + "/" + total + " (" + decile * 10 + "%)");
    }
  }

  @Override
  public void finished(String task) {
    lastDecile.remove(task);
  }

  @Override
  public void note(String message) {
    if (!quiet || message.startsWith("warning")) {
      print(message);
    }
  }

  private synchronized void print(String line) {
    err.println(line);
    err.flush();
  }
}
