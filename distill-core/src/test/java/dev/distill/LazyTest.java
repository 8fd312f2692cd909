package dev.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
  @Test
  void makesTheValueOnceAndOnlyWhenAsked() {
    AtomicInteger made = new AtomicInteger();
    Lazy<String> lazy = Lazy.of(() -> "value " + made.incrementAndGet());
    assertThat(made).hasValue(0);
    assertThat(lazy.get()).isEqualTo("value 1");
    assertThat(lazy.get()).isEqualTo("value 1");
    assertThat(made).hasValue(1);
  }

  @Test
  void aFailedMakingIsTriedAgainNextTime() {
    AtomicInteger calls = new AtomicInteger();
    Lazy<String> lazy =
        Lazy.of(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new DistillException("offline");
              }
              return "ok";
            });
    assertThatThrownBy(lazy::get).hasMessage("offline");
    assertThat(lazy.get()).isEqualTo("ok");
  }
}
