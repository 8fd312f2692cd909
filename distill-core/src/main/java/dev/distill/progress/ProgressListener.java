package dev.distill.progress;

/**
 * Receives progress from long library work (downloads, index loads, scans). The library never
 * prints; the CLI turns these events into log lines or a progress bar.
 */
public interface ProgressListener {

  /** A listener that ignores every event. */
  ProgressListener NONE = new ProgressListener() {};

  /** A unit of work started; {@code total} is -1 when unknown. */
  default void started(String task, long total) {}

  /** {@code done} of {@code total} units of {@code task} are finished. */
  default void advanced(String task, long done, long total) {}

  /** A unit of work finished. */
  default void finished(String task) {}

  /** Something worth telling the user that is not an error. */
  default void note(String message) {}
}
