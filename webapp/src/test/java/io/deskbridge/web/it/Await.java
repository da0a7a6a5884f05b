package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls what a test waits for (a vendor fake's state, an API answer) instead of sleeping a guess. */
final class Await {

  private static final Duration POLL = Duration.ofMillis(200);

  private Await() {}

  /** The first value {@code probe} gives that is {@code done}; fails with the last one after {@code wait}. */
  static <T> T until(Supplier<T> probe, Predicate<T> done, Duration wait) {
    long deadline = System.currentTimeMillis() + wait.toMillis();
    T value = probe.get();
    while (!done.test(value) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      value = probe.get();
    }
    T last = value;
    assertTrue(done.test(last), () -> "gave up waiting; last seen " + last);
    return last;
  }
}
