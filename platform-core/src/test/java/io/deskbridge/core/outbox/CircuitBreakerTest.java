package io.deskbridge.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A vendor that keeps failing is left alone for a while instead of being hammered. */
class CircuitBreakerTest {

  private static final String KEY = "1/jira";
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private final CircuitBreaker breaker = new CircuitBreaker();

  /** Fails {@code times} times, one second apart from {@code from}; returns the time of the last failure. */
  private Instant failTimes(String key, int times, Instant from) {
    Instant at = from;
    for (int i = 0; i < times; i++) {
      at = from.plusSeconds(i);
      breaker.failed(key, at);
    }
    return at;
  }

  @Test
  void aNewKeyIsClosed() {
    assertNull(breaker.openUntil(KEY, T0));
  }

  @Test
  void failuresBelowTheThresholdKeepItClosed() {
    Instant last = failTimes(KEY, CircuitBreaker.TRIP_AFTER - 1, T0);

    assertNull(breaker.openUntil(KEY, last));
  }

  @Test
  void itOpensAfterTripAfterFailuresInARowForOpenFor() {
    Instant last = failTimes(KEY, CircuitBreaker.TRIP_AFTER, T0);

    assertEquals(last.plus(CircuitBreaker.OPEN_FOR), breaker.openUntil(KEY, last));
    assertEquals(last.plus(CircuitBreaker.OPEN_FOR), breaker.openUntil(KEY, last.plus(CircuitBreaker.OPEN_FOR).minusMillis(1)));
  }

  @Test
  void itClosesOnceOpenForHasPassed() {
    Instant last = failTimes(KEY, CircuitBreaker.TRIP_AFTER, T0);

    assertNull(breaker.openUntil(KEY, last.plus(CircuitBreaker.OPEN_FOR)));
    assertNull(breaker.openUntil(KEY, last.plus(CircuitBreaker.OPEN_FOR).plusSeconds(1)));
  }

  @Test
  void aSuccessResetsTheCount() {
    failTimes(KEY, CircuitBreaker.TRIP_AFTER - 1, T0);
    breaker.succeeded(KEY);
    Instant last = failTimes(KEY, CircuitBreaker.TRIP_AFTER - 1, T0.plusSeconds(60));

    assertNull(breaker.openUntil(KEY, last));
  }

  @Test
  void aSuccessClosesAnOpenCircuit() {
    Instant last = failTimes(KEY, CircuitBreaker.TRIP_AFTER, T0);

    breaker.succeeded(KEY);

    assertNull(breaker.openUntil(KEY, last));
  }

  @Test
  void theFirstFailureAfterTheOpenPeriodOpensItAgain() {
    Instant last = failTimes(KEY, CircuitBreaker.TRIP_AFTER, T0);
    Instant probe = last.plus(CircuitBreaker.OPEN_FOR).plusSeconds(1);

    breaker.failed(KEY, probe);

    assertEquals(probe.plus(CircuitBreaker.OPEN_FOR), breaker.openUntil(KEY, probe));
  }

  @Test
  void eachTenantAndModuleHasItsOwnCircuit() {
    Instant last = failTimes(KEY, CircuitBreaker.TRIP_AFTER, T0);

    assertNull(breaker.openUntil("2/jira", last));
    assertNull(breaker.openUntil("1/webhook", last));
  }

  @Test
  void anOperatorsOpenPeriodIsUsed() {
    CircuitBreaker shortOne = new CircuitBreaker(Duration.ofMillis(200));
    Instant last = T0;
    for (int i = 0; i < CircuitBreaker.TRIP_AFTER; i++) {
      last = T0.plusMillis(i);
      shortOne.failed(KEY, last);
    }

    assertEquals(last.plusMillis(200), shortOne.openUntil(KEY, last));
    assertNull(shortOne.openUntil(KEY, last.plusMillis(200)));
  }
}
