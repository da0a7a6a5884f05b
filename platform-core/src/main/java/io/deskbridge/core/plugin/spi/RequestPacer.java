package io.deskbridge.core.plugin.spi;

import io.deskbridge.core.ratelimit.SlidingWindowLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one tenant's calls under a vendor's per-second limit (amoCRM: 7): at most {@code permits}
 * calls in any {@link #WINDOW}. The outbox paces jobs, but one job may need several calls (search,
 * create, note), so every call waits its turn here as well.
 *
 * <p>A module gets its pacers from {@link PluginContext#pacer}: the platform's are shared by every
 * server of a cluster, so two servers delivering the same tenant's jobs still stay under the limit
 * together. {@link #RequestPacer(int)} counts in this JVM only.
 */
public final class RequestPacer {

  /** A little longer than a second, so the vendor's clock never counts one too many. */
  public static final Duration WINDOW = Duration.ofMillis(1150);

  /** Where the turns are counted. */
  @FunctionalInterface
  public interface Turns {

    /** One try: zero when the call may go now (it is counted), else how long to wait before trying again. */
    Duration tryTurn();
  }

  private final Turns turns;

  /** A pacer of this JVM only: for tests and tools that run on one server. */
  public RequestPacer(int permits) {
    this(new LocalTurns(new SlidingWindowLog(permits, WINDOW), Clock.systemUTC()));
  }

  public RequestPacer(Turns turns) {
    this.turns = turns;
  }

  /** Blocks until one more call fits in the window; the caller makes the call right after. */
  public void awaitTurn() throws InterruptedException {
    Duration wait = turns.tryTurn();
    while (!wait.isZero()) {
      Thread.sleep(Math.max(1, wait.toMillis()));
      wait = turns.tryTurn();
    }
  }

  /** The sliding window log in this JVM's memory. */
  static final class LocalTurns implements Turns {

    private final SlidingWindowLog log;
    private final Clock clock;
    private List<Instant> calls = new ArrayList<>();

    LocalTurns(SlidingWindowLog log, Clock clock) {
      this.log = log;
      this.clock = clock;
    }

    @Override
    public synchronized Duration tryTurn() {
      SlidingWindowLog.Turn turn = log.take(calls, clock.instant());
      calls = turn.calls();
      return turn.waitFor();
    }
  }
}
