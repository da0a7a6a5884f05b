package io.deskbridge.core.plugin.spi.testing;

import io.deskbridge.core.plugin.spi.RequestPacer;
import io.deskbridge.core.plugin.spi.RequestPacers;
import io.deskbridge.core.ratelimit.SlidingWindowLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A module's pacers in memory, for plugin tests: the platform's rule (at most N calls in any
 * {@link RequestPacer#WINDOW} per name) without a database. Several module instances built on one of
 * these share it, as the servers of a cluster share the platform's; {@link #turns} counts the calls a
 * name let through, so a test can check that no vendor request skipped its turn.
 */
public final class InMemoryPacers implements RequestPacers {

  private final Map<String, Log> logs = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  @Override
  public RequestPacer pacer(String name, int permits) {
    Log log = logs.computeIfAbsent(name, n -> new Log(new SlidingWindowLog(permits, RequestPacer.WINDOW)));
    return new RequestPacer(() -> log.tryTurn(clock.instant()));
  }

  /** How many calls the pacer of this name let through. */
  public int turns(String name) {
    Log log = logs.get(name);
    return log == null ? 0 : log.granted();
  }

  private static final class Log {
    private final SlidingWindowLog rule;
    private List<Instant> calls = List.of();
    private int granted;

    Log(SlidingWindowLog rule) {
      this.rule = rule;
    }

    synchronized Duration tryTurn(Instant now) {
      SlidingWindowLog.Turn turn = rule.take(calls, now);
      calls = turn.calls();
      if (turn.isGranted()) {
        granted++;
      }
      return turn.waitFor();
    }

    synchronized int granted() {
      return granted;
    }
  }
}
