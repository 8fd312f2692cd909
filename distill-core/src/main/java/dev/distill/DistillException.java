package dev.distill;

/**
 * An error the user can cause and fix: bad input, a tampered download, an unreachable mirror. The
 * message says what went wrong, where, and what to do; the CLI prints it without a stack trace and
 * exits with code 2.
 */
public class DistillException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DistillException(String message) {
    super(message);
  }

  public DistillException(String message, Throwable cause) {
    super(message, cause);
  }
}
