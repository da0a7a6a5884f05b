package io.deskbridge.core.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed window counter: the calls counted since the window opened, and when it closes. The first
 * call after it closed opens a new one, so a key's windows start at its own first call rather than on
 * the minute, and a burst cannot straddle two windows to get twice the limit.
 */
public record CountingWindow(Instant endsAt, int calls) {

  /** The window a first call opens. */
  public static CountingWindow opened(Instant now, Duration length) {
    return new CountingWindow(now.plus(length), 1);
  }

  /** This window with one more call counted at {@code now}, or a new window if this one has closed. */
  public CountingWindow count(Instant now, Duration length) {
    return isOpen(now) ? new CountingWindow(endsAt, calls + 1) : opened(now, length);
  }

  public boolean isOpen(Instant now) {
    return endsAt.isAfter(now);
  }

  public boolean isOver(int limit) {
    return calls > limit;
  }

  /** Whole seconds until the window closes, at least one: what a {@code Retry-After} header says. */
  public long secondsLeft(Instant now) {
    return Math.max(1, Duration.between(now, endsAt).toSeconds() + 1);
  }
}
