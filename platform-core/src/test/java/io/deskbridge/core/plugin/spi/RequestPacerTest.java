package io.deskbridge.core.plugin.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.ratelimit.SlidingWindowLog;
import java.io.IOException;
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
  void sevenCallsGoAtOnceAndTheEighthWaitsForAWindowAfterTheFirstAnswer() {
    ManualClock clock = new ManualClock();
    RequestPacer.Turns turns = new RequestPacer.LocalTurns(new SlidingWindowLog(7, RequestPacer.WINDOW), clock);
    List<Instant> places = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      RequestPacer.Turn turn = turns.tryTurn();
      assertTrue(turn.isGranted(), "call " + i);
      places.add(turn.place());
      clock.now = clock.now.plusMillis(10);
    }
    assertEquals(RequestPacer.WINDOW, turns.tryTurn().waitFor(), "seven calls in flight: a window at least");
    clock.now = clock.now.plusMillis(200);
    turns.answered(places.get(0), clock.now);
    clock.now = clock.now.plusMillis(100);
    assertEquals(RequestPacer.WINDOW.minusMillis(100), turns.tryTurn().waitFor(),
        "the first call's place frees a window after its answer");
    clock.now = clock.now.plus(RequestPacer.WINDOW.minusMillis(100));
    assertTrue(turns.tryTurn().isGranted());
    assertFalse(turns.tryTurn().isGranted(), "the six others are still in flight");
  }

  @Test
  void aCallWaitsAsLongAsTheTurnsSayThenRunsAndReportsItsAnswer() throws InterruptedException {
    Instant place = Instant.parse("2026-03-02T09:01:00Z");
    List<RequestPacer.Turn> answers = new ArrayList<>(List.of(RequestPacer.Turn.refused(Duration.ofMillis(120)),
        RequestPacer.Turn.refused(Duration.ofMillis(30)), RequestPacer.Turn.granted(place)));
    List<String> events = new ArrayList<>();
    RequestPacer pacer = new RequestPacer(new RequestPacer.Turns() {
      @Override
      public RequestPacer.Turn tryTurn() {
        events.add("try");
        return answers.remove(0);
      }

      @Override
      public void answered(Instant answeredPlace, Instant at) {
        events.add("answered " + answeredPlace);
      }
    });
    long started = System.nanoTime();
    String result = pacer.call(() -> {
      events.add("call");
      return "ok";
    });
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals("ok", result);
    assertEquals(List.of("try", "try", "try", "call", "answered " + place), events);
    assertTrue(tookMillis >= 150, "slept between the tries: " + tookMillis + " ms");
  }

  @Test
  void aFailedCallGivesItsPlaceBackAndStillFails() {
    List<Instant> answered = new ArrayList<>();
    Instant place = Instant.parse("2026-03-02T09:01:00Z");
    RequestPacer pacer = new RequestPacer(new RequestPacer.Turns() {
      @Override
      public RequestPacer.Turn tryTurn() {
        return RequestPacer.Turn.granted(place);
      }

      @Override
      public void answered(Instant answeredPlace, Instant at) {
        answered.add(answeredPlace);
      }
    });
    IOException thrown = assertThrows(IOException.class, () -> pacer.call(() -> {
      throw new IOException("connection reset");
    }));
    assertEquals("connection reset", thrown.getMessage());
    assertEquals(List.of(place), answered);
  }

  @Test
  void aCallThatWasMadeSucceedsEvenIfItsAnswerCannotBeLogged() throws InterruptedException {
    RequestPacer pacer = new RequestPacer(new RequestPacer.Turns() {
      @Override
      public RequestPacer.Turn tryTurn() {
        return RequestPacer.Turn.granted(Instant.parse("2026-03-02T09:01:00Z"));
      }

      @Override
      public void answered(Instant place, Instant at) {
        throw new IllegalStateException("database unreachable");
      }
    });
    assertEquals(42, pacer.call(() -> 42), "the vendor got the request; retrying the job would send it twice");
  }

  @Test
  void aThirdCallOfTwoPerWindowReallyWaits() throws InterruptedException {
    RequestPacer pacer = new RequestPacer(2);
    long started = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      pacer.call(() -> null);
    }
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(tookMillis >= RequestPacer.WINDOW.toMillis(), "three calls of two per window took " + tookMillis + " ms");
  }

  @Test
  void pacersOfOneNameCountTogether() {
    RequestPacers pacers = RequestPacers.inMemory();
    assertSame(pacers.pacer("api", 7), pacers.pacer("api", 7));
    PluginContext context = new PluginContext(7, "acme", null, "http://localhost", null, null, Clock.systemUTC());
    assertSame(context.pacer("post:C1", 1), context.pacer("post:C1", 1));
  }
}
