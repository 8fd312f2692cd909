package dev.distill;

import java.util.Objects;
import java.util.function.Supplier;

/** A value made on first use and kept: for costly set-up that many runs never need. */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> make;
  private T value;

  private Lazy(Supplier<T> make) {
    this.make = Objects.requireNonNull(make);
  }

  public static <T> Lazy<T> of(Supplier<T> make) {
    return new Lazy<>(make);
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = Objects.requireNonNull(make.get(), "a lazy value may not be null");
    }
    return value;
  }
}
