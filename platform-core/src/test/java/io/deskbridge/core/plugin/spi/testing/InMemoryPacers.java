package io.deskbridge.core.plugin.spi.testing;

import io.deskbridge.core.plugin.spi.RequestBucket;
import io.deskbridge.core.plugin.spi.RequestPacer;
import io.deskbridge.core.plugin.spi.RequestPacers;
import io.deskbridge.core.ratelimit.SlidingWindowLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A module's pacers and buckets in memory, for plugin tests: the platform's rules (at most N calls in
 * any {@link RequestPacer#WINDOW} per name, each holding its place until a window after its answer; a
 * leaky bucket per name) without a database. Several module instances built on one of these share
 * it, as the servers of a cluster share the platform's; {@link #turns} counts the calls a name let
 * through, so a test can check that no vendor request skipped its turn.
 */
public final class InMemoryPacers implements RequestPacers {

  private final Map<String, CountedTurns> logs = new ConcurrentHashMap<>();
  private final Map<String, RequestBucket> buckets = new ConcurrentHashMap<>();

  @Override
  public RequestPacer pacer(String name, int permits) {
    return new RequestPacer(logs.computeIfAbsent(name, n -> new CountedTurns(
        new RequestPacer.LocalTurns(new SlidingWindowLog(permits, RequestPacer.WINDOW), Clock.systemUTC()))));
  }

  @Override
  public RequestBucket bucket(String name, int capacity, double drainPerSecond) {
    return buckets.computeIfAbsent(name, n -> new RequestBucket(capacity, drainPerSecond));
  }

  /** How many calls the pacer of this name let through. */
  public int turns(String name) {
    CountedTurns log = logs.get(name);
    return log == null ? 0 : log.granted.get();
  }

  private record CountedTurns(RequestPacer.LocalTurns log, AtomicInteger granted) implements RequestPacer.Turns {

    CountedTurns(RequestPacer.LocalTurns log) {
      this(log, new AtomicInteger());
    }

    @Override
    public RequestPacer.Turn tryTurn() {
      RequestPacer.Turn turn = log.tryTurn();
      if (turn.isGranted()) {
        granted.incrementAndGet();
      }
      return turn;
    }

    @Override
    public void answered(Instant place, Instant at) {
      log.answered(place, at);
    }
  }
}
