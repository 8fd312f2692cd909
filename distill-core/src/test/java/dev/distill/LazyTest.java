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
    assertThat(lazy.isMade()).isFalse();
    assertThat(lazy.get()).isEqualTo("value 1");
    assertThat(lazy.isMade()).isTrue();
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

  @Test
  void threadsAskingAtOnceGetOneValueMadeOnce() throws Exception {
    AtomicInteger made = new AtomicInteger();
    Lazy<Object> lazy =
        Lazy.of(
            () -> {
              made.incrementAndGet();
              return new Object();
            });
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<Object>> got = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        got.add(
            pool.submit(
                () -> {
                  start.await();
                  return lazy.get();
                }));
      }
      start.countDown();
      for (java.util.concurrent.Future<Object> f : got) {
        assertThat(f.get()).isSameAs(lazy.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(made).hasValue(1);
  }
}
