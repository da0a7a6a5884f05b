package io.deskbridge.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlidingWindowLogTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Duration WINDOW = Duration.ofMillis(1150);

  @Test
  void grantsAsManyCallsAsPermitsThenRefuses() {
    SlidingWindowLog log = new SlidingWindowLog(3, WINDOW);
    List<Instant> calls = List.of();
    for (int i = 0; i < 3; i++) {
      SlidingWindowLog.Turn turn = log.take(calls, T0.plusMillis(i));
      assertTrue(turn.isGranted(), "call " + i);
      calls = turn.calls();
    }
    SlidingWindowLog.Turn fourth = log.take(calls, T0.plusMillis(3));
    assertFalse(fourth.isGranted());
    assertEquals(3, fourth.calls().size(), "a refused call is not logged");
  }

  @Test
  void aRefusedCallWaitsUntilTheOldestCallLeavesTheWindow() {
    SlidingWindowLog log = new SlidingWindowLog(3, WINDOW);
    List<Instant> calls = List.of(T0, T0.plusMillis(100), T0.plusMillis(200));
    SlidingWindowLog.Turn refused = log.take(calls, T0.plusMillis(300));
    assertEquals(Duration.ofMillis(850), refused.waitFor());
    assertFalse(log.take(calls, T0.plusMillis(1149)).isGranted());
    SlidingWindowLog.Turn granted = log.take(calls, T0.plus(refused.waitFor()).plusMillis(300));
    assertTrue(granted.isGranted());
    assertEquals(List.of(T0.plusMillis(100), T0.plusMillis(200), T0.plusMillis(1150)), granted.calls(),
        "the call that left the window is pruned, the new one appended");
  }

  @Test
  void callsOutsideTheWindowAreForgottenEvenWhenRefused() {
    SlidingWindowLog log = new SlidingWindowLog(2, WINDOW);
    List<Instant> calls = List.of(T0, T0.plusMillis(1000), T0.plusMillis(1100));
    SlidingWindowLog.Turn refused = log.take(calls, T0.plusMillis(1200));
    assertEquals(List.of(T0.plusMillis(1000), T0.plusMillis(1100)), refused.calls());
    assertEquals(Duration.ofMillis(950), refused.waitFor());
  }

  @Test
  void callersTakingTurnsInAnyOrderNeverGetMoreThanPermitsInAnyWindow() {
    SlidingWindowLog log = new SlidingWindowLog(7, WINDOW);
    Random random = new Random(42);
    List<Instant> calls = List.of();
    List<Instant> granted = new ArrayList<>();
    Instant now = T0;
    while (granted.size() < 500) {
      SlidingWindowLog.Turn turn = log.take(calls, now);
      calls = turn.calls();
      if (turn.isGranted()) {
        granted.add(now);
        now = now.plusMillis(random.nextInt(40));
      } else {
        // Several callers: some come back before their wait is over, some exactly on time.
        now = now.plusMillis(random.nextBoolean() ? random.nextInt(1 + (int) turn.waitFor().toMillis()) : turn.waitFor().toMillis());
      }
    }
    for (int i = 0; i + 7 < granted.size(); i++) {
      assertTrue(Duration.between(granted.get(i), granted.get(i + 7)).compareTo(WINDOW) >= 0,
          "8 calls within one window at call " + i);
    }
    Duration elapsed = Duration.between(granted.get(0), granted.get(granted.size() - 1));
    assertTrue(elapsed.compareTo(WINDOW.multipliedBy(500 / 7 - 1)) >= 0, "the pace held: " + elapsed);
    assertTrue(elapsed.compareTo(WINDOW.multipliedBy(500 / 7 + 10)) < 0, "callers were not kept waiting longer than needed: " + elapsed);
  }

  @Test
  void aLogHoldsAtLeastOneAndAtMostAThousandPermits() {
    assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLog(0, WINDOW));
    assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLog(1001, WINDOW));
    assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLog(1, Duration.ZERO));
  }
}
