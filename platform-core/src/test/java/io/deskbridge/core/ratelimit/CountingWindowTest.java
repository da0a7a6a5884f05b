package io.deskbridge.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountingWindowTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:30Z");
  static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void countsUntilTheMinuteAfterTheFirstCallIsOver() {
    CountingWindow window = CountingWindow.opened(T0, MINUTE);
    for (int i = 1; i < 20; i++) {
      window = window.count(T0.plusSeconds(i), MINUTE);
    }
    assertEquals(20, window.calls());
    assertFalse(window.isOver(20));
    window = window.count(T0.plusSeconds(59), MINUTE);
    assertTrue(window.isOver(20), "the 21st call within the minute is over a limit of 20");
    assertEquals(T0.plus(MINUTE), window.endsAt(), "a burst across the full minute stays in one window");
  }

  @Test
  void theFirstCallAfterTheWindowClosedOpensANewOne() {
    CountingWindow full = new CountingWindow(T0.plus(MINUTE), 25);
    CountingWindow next = full.count(T0.plus(MINUTE), MINUTE);
    assertEquals(new CountingWindow(T0.plus(MINUTE).plus(MINUTE), 1), next);
    assertFalse(next.isOver(20));
  }

  @Test
  void retryAfterIsTheWholeSecondsLeftAndAtLeastOne() {
    CountingWindow window = new CountingWindow(T0.plus(MINUTE), 21);
    assertEquals(61, window.secondsLeft(T0));
    assertEquals(11, window.secondsLeft(T0.plusSeconds(50)));
    assertEquals(1, window.secondsLeft(T0.plus(MINUTE).minusMillis(1)));
    assertEquals(1, window.secondsLeft(T0.plus(MINUTE).plusSeconds(5)));
  }
}
