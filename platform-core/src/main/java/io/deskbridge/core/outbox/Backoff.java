package io.deskbridge.core.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed job again: exponential (1 s, 2 s, 4 s … capped at 15 min) with jitter so
 * that jobs failing together do not come back together. A vendor's Retry-After wins.
 */
public final class Backoff {

  static final Duration BASE = Duration.ofSeconds(1);
  static final Duration CAP = Duration.ofMinutes(15);
  static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

  private Backoff() {}

  /** @param attempt the attempt that just failed, from 1 */
  public static Duration after(int attempt, Duration retryAfter) {
    return after(attempt, retryAfter, BASE);
  }

  /** The same with another first step (an operator's setting; tests use a short one). */
  public static Duration after(int attempt, Duration retryAfter, Duration base) {
    if (retryAfter != null && !retryAfter.isNegative()) {
      return retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
    }
    long ceiling = Math.min(CAP.toMillis(), Math.max(1, base.toMillis()) << Math.min(attempt - 1, 20));
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
