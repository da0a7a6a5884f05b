package io.deskbridge.core.plugin.spi;

import io.deskbridge.core.ratelimit.SlidingWindowLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one tenant's calls under a vendor's per-second limit (amoCRM: 7): at most {@code permits}
 * calls in any {@link #WINDOW}. The outbox paces jobs, but one job may need several calls (search,
 * create, note), so every call goes through {@link #call} as well.
 *
 * <p>A call holds its place from its turn until a window after its answer. The vendor counts the
 * request at some moment in between, so however late a busy server sends it, no second of the
 * vendor's ever holds more than {@code permits} of them.
 *
 * <p>A module gets its pacers from {@link PluginContext#pacer}: the platform's are shared by every
 * server of a cluster, so two servers delivering the same tenant's jobs still stay under the limit
 * together. {@link #RequestPacer(int)} counts in this JVM only.
 */
public final class RequestPacer {

  private static final System.Logger LOG = System.getLogger(RequestPacer.class.getName());

  /**
   * A second and a little: the servers of a cluster stamp the log with their own clocks, and the log
   * keeps milliseconds.
   */
  public static final Duration WINDOW = Duration.ofMillis(1050);

  /**
   * How long a call holds its place if its answer is never logged (its server died mid-call): longer
   * than any module's request timeout, short enough that a lost place comes back soon.
   */
  public static final Duration HOLD = Duration.ofMinutes(1);

  /** Where the turns are counted. */
  public interface Turns {

    /** One try: the place taken when the call may go now, else how long to wait before trying again. */
    Turn tryTurn();

    /**
     * The call that took {@code place} had its answer (or gave up) at {@code at}: its place counts from
     * then. The time is taken as the answer came, not once the log is reached, which may take a while.
     */
    void answered(Instant place, Instant at);
  }

  /**
   * The outcome of one try.
   *
   * @param place the place the call took and holds until answered; null when refused
   * @param waitFor zero when granted, else how long to wait before trying again
   */
  public record Turn(Instant place, Duration waitFor) {

    public static Turn granted(Instant place) {
      return new Turn(place, Duration.ZERO);
    }

    public static Turn refused(Duration waitFor) {
      return new Turn(null, waitFor);
    }

    /** The pacer's side of a try at {@code place} in a sliding window log. */
    public static Turn of(SlidingWindowLog.Turn turn, Instant place) {
      return turn.isGranted() ? granted(place) : refused(turn.waitFor());
    }

    public boolean isGranted() {
      return place != null;
    }
  }

  /** A vendor call, with whatever it throws. */
  @FunctionalInterface
  public interface Call<T, X extends Exception> {
    T run() throws X, InterruptedException;
  }

  private final Turns turns;

  /** A pacer of this JVM only: for tests and tools that run on one server. */
  public RequestPacer(int permits) {
    this(new LocalTurns(new SlidingWindowLog(permits, WINDOW), Clock.systemUTC()));
  }

  public RequestPacer(Turns turns) {
    this.turns = turns;
  }

  /** Waits for a turn, makes the call and logs its answer: the call's place counts until a window after it. */
  public <T, X extends Exception> T call(Call<T, X> call) throws X, InterruptedException {
    Instant place = awaitPlace();
    try {
      return call.run();
    } finally {
      release(place, Instant.now());
    }
  }

  private Instant awaitPlace() throws InterruptedException {
    Turn turn = turns.tryTurn();
    while (!turn.isGranted()) {
      Thread.sleep(Math.max(1, turn.waitFor().toMillis()));
      turn = turns.tryTurn();
    }
    return turn.place();
  }

  /**
   * A call that was made must not fail because its answer could not be logged: the job would be
   * retried and the vendor would get it twice. The place then lapses after {@link #HOLD}.
   */
  private void release(Instant place, Instant at) {
    try {
      turns.answered(place, at);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "A vendor call's answer was not logged; its place lapses after "
          + HOLD + ": " + e);
    }
  }

  /** The place a call granted at {@code now} holds: as the log keeps it, in whole milliseconds. */
  public static Instant heldPlace(Instant now) {
    return now.plus(HOLD).truncatedTo(ChronoUnit.MILLIS);
  }

  /** The sliding window log in this JVM's memory. */
  public static final class LocalTurns implements Turns {

    private final SlidingWindowLog log;
    private final Clock clock;
    private List<Instant> calls = new ArrayList<>();

    public LocalTurns(SlidingWindowLog log, Clock clock) {
      this.log = log;
      this.clock = clock;
    }

    @Override
    public synchronized Turn tryTurn() {
      Instant now = clock.instant();
      Instant place = heldPlace(now);
      SlidingWindowLog.Turn turn = log.take(calls, now, place);
      calls = turn.calls();
      return Turn.of(turn, place);
    }

    @Override
    public synchronized void answered(Instant place, Instant at) {
      calls = log.answered(calls, place, at);
    }
  }
}
