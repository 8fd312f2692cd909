package dev.distill.debian.repo;

import dev.distill.DistillException;

/** A repository file failed verification: it must not be used. */
public final class RepositoryVerificationException extends DistillException {
  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Reason {
    MISSING_SIGNATURE,
    BAD_SIGNATURE,
    UNKNOWN_KEY,
    EXPIRED,
    WRONG_SUITE,
    HASH_MISMATCH,
    NOT_LISTED
  }

  private final Reason reason;

  public RepositoryVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RepositoryVerificationException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
