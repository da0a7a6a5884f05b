package io.deskbridge.core.plugin.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.ratelimit.SlidingWindowLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

  /** Time that moves only when the test says so. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void sevenCallsGoAtOnceAndTheEighthWaitsForTheFirstToLeaveTheWindow() {
    ManualClock clock = new ManualClock();
    RequestPacer.Turns turns = new RequestPacer.LocalTurns(new SlidingWindowLog(7, RequestPacer.WINDOW), clock);
    for (int i = 0; i < 7; i++) {
      assertEquals(Duration.ZERO, turns.tryTurn(), "call " + i);
      clock.now = clock.now.plusMillis(10);
    }
    assertEquals(Duration.ofMillis(1150 - 70), turns.tryTurn());
    clock.now = clock.now.plusMillis(1150 - 70);
    assertEquals(Duration.ZERO, turns.tryTurn());
    assertEquals(Duration.ofMillis(10), turns.tryTurn(), "the second call of the first burst is next to leave");
  }

  @Test
  void awaitTurnSleepsAsLongAsTheTurnsSayThenReturns() throws InterruptedException {
    List<Duration> answers = new ArrayList<>(List.of(Duration.ofMillis(120), Duration.ofMillis(30), Duration.ZERO));
    RequestPacer pacer = new RequestPacer(() -> answers.remove(0));
    long started = System.nanoTime();
    pacer.awaitTurn();
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(answers.isEmpty(), "tried until the turn was granted");
    assertTrue(tookMillis >= 150, "slept between the tries: " + tookMillis + " ms");
  }

  @Test
  void aThirdCallOfTwoPerWindowReallyWaits() throws InterruptedException {
    RequestPacer pacer = new RequestPacer(2);
    long started = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      pacer.awaitTurn();
    }
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(tookMillis >= 1100, "three calls of two per 1.15 s took " + tookMillis + " ms");
  }

  @Test
  void pacersOfOneNameCountTogether() {
    RequestPacers pacers = RequestPacers.inMemory();
    assertSame(pacers.pacer("api", 7), pacers.pacer("api", 7));
    PluginContext context = new PluginContext(7, "acme", null, "http://localhost", null, null, Clock.systemUTC());
    assertSame(context.pacer("post:C1", 1), context.pacer("post:C1", 1));
  }
}
