package io.deskbridge.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When a failed job is tried again: exponential with jitter, capped; a vendor's Retry-After wins. */
class BackoffTest {

  private static final int SAMPLES = 200;

  /** 1 s, 2 s, 4 s … for attempt 1, 2, 3 …, never above 15 minutes. */
  private static long ceilingMillis(int attempt) {
    return Math.min(Duration.ofMinutes(15).toMillis(), 1000L * (1L << (attempt - 1)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 10, 11, 12, 20, 21, 30, 64, Integer.MAX_VALUE})
  void theWaitIsBetweenHalfAndAllOfTheCeilingForTheAttempt(int attempt) {
    long ceiling = ceilingMillis(Math.min(attempt, 40));
    for (int i = 0; i < SAMPLES; i++) {
      long wait = Backoff.after(attempt, null).toMillis();
      assertTrue(wait >= ceiling / 2 && wait <= ceiling,
          () -> "attempt " + attempt + " waited " + wait + " ms, outside [" + ceiling / 2 + ", " + ceiling + "]");
    }
  }

  @Test
  void theWaitDoublesWithEachAttemptUntilTheCap() {
    for (int attempt = 1; attempt < 10; attempt++) {
      long longestNow = 0;
      long shortestNext = Long.MAX_VALUE;
      for (int i = 0; i < SAMPLES; i++) {
        longestNow = Math.max(longestNow, Backoff.after(attempt, null).toMillis());
        shortestNext = Math.min(shortestNext, Backoff.after(attempt + 1, null).toMillis());
      }
      assertTrue(shortestNext >= longestNow, "attempt " + (attempt + 1) + " is not later than attempt " + attempt);
    }
    assertTrue(Backoff.after(11, null).compareTo(Duration.ofMinutes(15)) <= 0);
    assertTrue(Backoff.after(11, null).compareTo(Duration.ofMinutes(7).plusSeconds(30)) >= 0);
  }

  @Test
  void jobsFailingTogetherDoNotComeBackTogether() {
    Set<Duration> waits = new HashSet<>();
    for (int i = 0; i < SAMPLES; i++) {
      waits.add(Backoff.after(3, null));
    }

    assertTrue(waits.size() > SAMPLES / 4, "only " + waits.size() + " distinct waits");
  }

  @Test
  void anOperatorsFirstStepScalesEveryWait() {
    Duration base = Duration.ofMillis(10);
    for (int attempt = 1; attempt <= 8; attempt++) {
      long ceiling = 10L << (attempt - 1);
      for (int i = 0; i < SAMPLES; i++) {
        long wait = Backoff.after(attempt, null, base).toMillis();
        assertTrue(wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + " waited " + wait + " ms");
      }
    }
  }

  @Test
  void aFirstStepBelowOneMillisecondCountsAsOne() {
    for (int i = 0; i < SAMPLES; i++) {
      long first = Backoff.after(1, null, Duration.ZERO).toMillis();
      long third = Backoff.after(3, null, Duration.ofNanos(10)).toMillis();
      assertTrue(first >= 0 && first <= 1, first + " ms");
      assertTrue(third >= 2 && third <= 4, third + " ms");
    }
  }

  @Test
  void theCapHoldsWhateverTheFirstStep() {
    for (int i = 0; i < SAMPLES; i++) {
      Duration wait = Backoff.after(1, null, Duration.ofHours(1));
      assertTrue(wait.compareTo(Duration.ofMinutes(15)) <= 0, wait::toString);
      assertTrue(wait.compareTo(Duration.ofSeconds(450)) >= 0, wait::toString);
    }
  }

  @Test
  void aRetryAfterWinsWhateverTheFirstStep() {
    assertEquals(Duration.ofSeconds(42), Backoff.after(3, Duration.ofSeconds(42), Duration.ofMillis(10)));
    assertEquals(Duration.ofHours(1), Backoff.after(3, Duration.ofDays(2), Duration.ofMillis(10)));
  }

  @Test
  void aVendorsRetryAfterWins() {
    assertEquals(Duration.ofSeconds(42), Backoff.after(1, Duration.ofSeconds(42)));
    assertEquals(Duration.ofMillis(1), Backoff.after(20, Duration.ofMillis(1)));
    assertEquals(Duration.ZERO, Backoff.after(5, Duration.ZERO));
  }

  @Test
  void aRetryAfterOfOneHourIsKept() {
    assertEquals(Duration.ofHours(1), Backoff.after(1, Duration.ofHours(1)));
  }

  @Test
  void aHugeRetryAfterIsCappedAtOneHour() {
    assertEquals(Duration.ofHours(1), Backoff.after(1, Duration.ofHours(1).plusMillis(1)));
    assertEquals(Duration.ofHours(1), Backoff.after(1, Duration.ofDays(365)));
  }

  @Test
  void aNegativeRetryAfterFallsBackToTheBackoff() {
    for (int i = 0; i < SAMPLES; i++) {
      long wait = Backoff.after(4, Duration.ofSeconds(-30)).toMillis();
      assertTrue(wait >= 4000 && wait <= 8000, wait + " ms");
    }
  }
}
