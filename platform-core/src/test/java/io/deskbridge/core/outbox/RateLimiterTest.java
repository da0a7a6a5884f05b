package io.deskbridge.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deskbridge.core.plugin.spi.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Deliveries are paced per (tenant, module) to the module's declared rate; time is a fake nanoTime. */
class RateLimiterTest {

  private static final RateLimit FIVE_PER_SECOND = new RateLimit(5, 5);
  private static final String KEY = "1/amocrm";
  private static final long T = 123_456_789_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final long MILLI = 1_000_000L;

  private final RateLimiter limiter = new RateLimiter();

  private void takeFreely(String key, int permits, long at) {
    for (int i = 0; i < permits; i++) {
      assertEquals(Duration.ZERO, limiter.acquire(key, FIVE_PER_SECOND, at), "permit " + (i + 1));
    }
  }

  @Test
  void aFullBucketGivesItsBurstAtOnceThenMakesTheNextCallWait() {
    takeFreely(KEY, 5, T);

    assertEquals(Duration.ofMillis(200), limiter.acquire(KEY, FIVE_PER_SECOND, T));
  }

  @Test
  void aWaitingCallDoesNotUseAPermit() {
    takeFreely(KEY, 5, T);

    assertEquals(Duration.ofMillis(200), limiter.acquire(KEY, FIVE_PER_SECOND, T));
    assertEquals(Duration.ofMillis(200), limiter.acquire(KEY, FIVE_PER_SECOND, T));
    assertEquals(Duration.ZERO, limiter.acquire(KEY, FIVE_PER_SECOND, T + 200 * MILLI));
  }

  @Test
  void theWaitShrinksAsTheBucketRefills() {
    takeFreely(KEY, 5, T);

    assertEquals(Duration.ofMillis(150), limiter.acquire(KEY, FIVE_PER_SECOND, T + 50 * MILLI));
  }

  @Test
  void afterOneSecondTheBucketIsFullAgain() {
    takeFreely(KEY, 5, T);

    takeFreely(KEY, 5, T + SECOND);
    assertEquals(Duration.ofMillis(200), limiter.acquire(KEY, FIVE_PER_SECOND, T + SECOND));
  }

  @Test
  void aLongQuietPeriodRefillsNoMoreThanTheBurst() {
    takeFreely(KEY, 5, T);

    takeFreely(KEY, 5, T + 60 * SECOND);
    assertEquals(Duration.ofMillis(200), limiter.acquire(KEY, FIVE_PER_SECOND, T + 60 * SECOND));
  }

  @Test
  void theSustainedRateIsTheDeclaredRate() {
    takeFreely(KEY, 5, T);
    for (int i = 1; i <= 10; i++) {
      assertEquals(Duration.ZERO, limiter.acquire(KEY, FIVE_PER_SECOND, T + i * 200 * MILLI), "call " + i);
      assertEquals(Duration.ofMillis(200), limiter.acquire(KEY, FIVE_PER_SECOND, T + i * 200 * MILLI), "call " + i);
    }
  }

  @Test
  void anUnlimitedModuleNeverWaits() {
    for (int i = 0; i < 10_000; i++) {
      assertEquals(Duration.ZERO, limiter.acquire(KEY, RateLimit.unlimited(), T));
    }
  }

  @Test
  void eachTenantAndModuleHasItsOwnBucket() {
    takeFreely(KEY, 5, T);

    takeFreely("2/amocrm", 5, T);
    takeFreely("1/bitrix", 5, T);
    assertEquals(Duration.ofMillis(200), limiter.acquire(KEY, FIVE_PER_SECOND, T));
  }

  @Test
  void aNanoTimeThatWrapsAroundStillRefills() {
    long beforeWrap = Long.MAX_VALUE - 100 * MILLI;
    takeFreely(KEY, 5, beforeWrap);

    assertEquals(Duration.ZERO, limiter.acquire(KEY, FIVE_PER_SECOND, beforeWrap + 200 * MILLI));
  }
}
