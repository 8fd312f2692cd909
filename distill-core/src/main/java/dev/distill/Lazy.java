package dev.distill;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use and kept: for costly set-up that many runs never need. Made once even
 * when several threads ask at the same time; once made, reading it takes no lock, so it may sit on
 * a hot path.
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> make;
  private volatile T value;

  private Lazy(Supplier<T> make) {
    this.make = Objects.requireNonNull(make);
  }

  public static <T> Lazy<T> of(Supplier<T> make) {
    return new Lazy<>(make);
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Objects.requireNonNull(make.get(), "a lazy value may not be null");
          value = v;
        }
      }
    }
    return v;
  }

  /** Whether the value has been made yet. */
  public boolean isMade() {
    return value != null;
  }
}
