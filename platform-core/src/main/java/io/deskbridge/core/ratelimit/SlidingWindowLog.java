package io.deskbridge.core.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * At most {@code permits} calls in any {@code window}: the rule a vendor states as "7 requests a
 * second". Decides from the times of the recent calls alone, so the same decision holds whether the
 * log lives in one server's memory or in a database row every server of a cluster locks.
 */
public record SlidingWindowLog(int permits, Duration window) {

  /** Enough for any vendor limit a module declares, and keeps one log row small. */
  public static final int MAX_PERMITS = 1000;

  public SlidingWindowLog {
    if (permits < 1 || permits > MAX_PERMITS) {
      throw new IllegalArgumentException("permits must be between 1 and " + MAX_PERMITS + ": " + permits);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
  }

  /**
   * One caller's try at a call at {@code now}, given the times of the calls already made. A granted
   * turn's log holds the calls still inside the window plus this one, logged at {@code place}: a time
   * after {@code now} holds the place while the call is in flight (see {@link #answered}). A refused
   * turn says how long until a place can free up, and its log holds only the calls still inside the
   * window.
   */
  public Turn take(List<Instant> recent, Instant now, Instant place) {
    List<Instant> inWindow = inWindow(recent, now);
    if (inWindow.size() < permits) {
      inWindow.add(place);
      inWindow.sort(null);
      return new Turn(Duration.ZERO, List.copyOf(inWindow));
    }
    Instant oldestCounted = inWindow.get(inWindow.size() - permits);
    // A place still held by a call in flight frees a whole window after its answer, which is now at
    // the earliest; asking again sooner would only load the log's row.
    Duration wait = oldestCounted.isAfter(now) ? window : Duration.between(now, oldestCounted.plus(window));
    return new Turn(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait, List.copyOf(inWindow));
  }

  /**
   * The log once the call that took {@code place} has its answer at {@code now}: its place counts from
   * now, for one more window. The vendor counted the request somewhere between the turn and the answer,
   * so however late the request left, no window of the vendor's can hold more than {@code permits} of
   * them. If the place had already lapsed, the answer is logged all the same.
   */
  public List<Instant> answered(List<Instant> recent, Instant place, Instant now) {
    List<Instant> inWindow = inWindow(recent, now);
    inWindow.remove(place);
    inWindow.add(now);
    inWindow.sort(null);
    return List.copyOf(inWindow);
  }

  private List<Instant> inWindow(List<Instant> recent, Instant now) {
    Instant cutoff = now.minus(window);
    List<Instant> inWindow = new ArrayList<>();
    for (Instant call : recent) {
      if (call.isAfter(cutoff)) {
        inWindow.add(call);
      }
    }
    inWindow.sort(null);
    return inWindow;
  }

  /**
   * The outcome of one try.
   *
   * @param waitFor zero when the call may go now (it is already in {@code calls}), else how long to wait
   *     before trying again
   * @param calls the log to keep: the calls still inside the window
   */
  public record Turn(Duration waitFor, List<Instant> calls) {

    public boolean isGranted() {
      return waitFor.isZero();
    }
  }
}
