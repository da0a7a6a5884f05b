package io.deskbridge.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
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
      SlidingWindowLog.Turn turn = takeAt(log, calls, T0.plusMillis(i));
      assertTrue(turn.isGranted(), "call " + i);
      calls = turn.calls();
    }
    SlidingWindowLog.Turn fourth = takeAt(log, calls, T0.plusMillis(3));
    assertFalse(fourth.isGranted());
    assertEquals(3, fourth.calls().size(), "a refused call is not logged");
  }

  @Test
  void aRefusedCallWaitsUntilTheOldestCallLeavesTheWindow() {
    SlidingWindowLog log = new SlidingWindowLog(3, WINDOW);
    List<Instant> calls = List.of(T0, T0.plusMillis(100), T0.plusMillis(200));
    SlidingWindowLog.Turn refused = takeAt(log, calls, T0.plusMillis(300));
    assertEquals(Duration.ofMillis(850), refused.waitFor());
    assertFalse(takeAt(log, calls, T0.plusMillis(1149)).isGranted());
    SlidingWindowLog.Turn granted = takeAt(log, calls, T0.plus(refused.waitFor()).plusMillis(300));
    assertTrue(granted.isGranted());
    assertEquals(List.of(T0.plusMillis(100), T0.plusMillis(200), T0.plusMillis(1150)), granted.calls(),
        "the call that left the window is pruned, the new one appended");
  }

  @Test
  void callsOutsideTheWindowAreForgottenEvenWhenRefused() {
    SlidingWindowLog log = new SlidingWindowLog(2, WINDOW);
    List<Instant> calls = List.of(T0, T0.plusMillis(1000), T0.plusMillis(1100));
    SlidingWindowLog.Turn refused = takeAt(log, calls, T0.plusMillis(1200));
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
      SlidingWindowLog.Turn turn = takeAt(log, calls, now);
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
  void aPlaceHeldByACallInFlightCountsUntilAWindowAfterItsAnswer() {
    SlidingWindowLog log = new SlidingWindowLog(1, WINDOW);
    Instant held = T0.plusSeconds(60);
    List<Instant> calls = log.take(List.of(), T0, held).calls();
    SlidingWindowLog.Turn whileInFlight = takeAt(log, calls, T0.plusMillis(5000));
    assertFalse(whileInFlight.isGranted(), "the call still in flight keeps its place long after its turn");
    assertEquals(WINDOW, whileInFlight.waitFor(), "its place frees a window after an answer not yet come");

    calls = log.answered(whileInFlight.calls(), held, T0.plusMillis(5200));
    assertEquals(List.of(T0.plusMillis(5200)), calls, "the answer replaces the held place");
    SlidingWindowLog.Turn afterAnswer = takeAt(log, calls, T0.plusMillis(5300));
    assertEquals(Duration.ofMillis(5200 + 1150 - 5300), afterAnswer.waitFor());
    assertTrue(takeAt(log, calls, T0.plusMillis(5200 + 1150)).isGranted());
  }

  @Test
  void anAnswerWhosePlaceHadLapsedIsLoggedAllTheSame() {
    SlidingWindowLog log = new SlidingWindowLog(2, WINDOW);
    List<Instant> calls = log.answered(List.of(T0), T0.minusSeconds(1), T0.plusMillis(100));
    assertEquals(List.of(T0, T0.plusMillis(100)), calls);
  }

  /**
   * What the vendor sees: each request arrives at some moment between its turn and its answer, late
   * by however long a busy server took to send it. Even so, no second holds more than the permits.
   */
  @Test
  void requestsSentLateStillNeverPutMoreThanPermitsInOneSecondOfTheVendors() {
    int permits = 7;
    Duration window = Duration.ofMillis(1050);
    SlidingWindowLog log = new SlidingWindowLog(permits, window);
    Random random = new Random(7);
    record Due(Instant at, int caller, Instant place) {}
    PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::at));
    for (int caller = 0; caller < 12; caller++) {
      due.add(new Due(T0.plusMillis(random.nextInt(50)), caller, null));
    }
    List<Instant> calls = List.of();
    List<Instant> arrivals = new ArrayList<>();
    while (arrivals.size() < 2000) {
      Due next = due.poll();
      if (next.place() != null) {
        calls = log.answered(calls, next.place(), next.at());
        due.add(new Due(next.at().plusMillis(random.nextInt(5)), next.caller(), null));
        continue;
      }
      Instant place = next.at().plusSeconds(60);
      SlidingWindowLog.Turn turn = log.take(calls, next.at(), place);
      calls = turn.calls();
      if (turn.isGranted()) {
        // Sent up to 600 ms late now and then, answered up to 300 ms after that.
        int sendDelay = random.nextInt(10) == 0 ? random.nextInt(600) : random.nextInt(20);
        Instant arrival = next.at().plusMillis(sendDelay);
        arrivals.add(arrival);
        due.add(new Due(arrival.plusMillis(1 + random.nextInt(300)), next.caller(), place));
      } else {
        due.add(new Due(next.at().plus(turn.waitFor()), next.caller(), null));
      }
    }
    arrivals.sort(null);
    for (int i = 0; i + permits < arrivals.size(); i++) {
      assertTrue(Duration.between(arrivals.get(i), arrivals.get(i + permits)).compareTo(Duration.ofSeconds(1)) >= 0,
          "the vendor saw " + (permits + 1) + " requests within one second at request " + i);
    }
    double perSecond = arrivals.size() / (Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1)).toMillis() / 1000.0);
    assertTrue(perSecond > permits * 0.6, "callers were not held back needlessly: " + perSecond + " requests/s");
  }

  @Test
  void aLogHoldsAtLeastOneAndAtMostAThousandPermits() {
    assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLog(0, WINDOW));
    assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLog(1001, WINDOW));
    assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLog(1, Duration.ZERO));
  }

  /** A call counted at the moment of its turn, as if its answer came at once. */
  private static SlidingWindowLog.Turn takeAt(SlidingWindowLog log, List<Instant> recent, Instant now) {
    return log.take(recent, now, now);
  }
}
