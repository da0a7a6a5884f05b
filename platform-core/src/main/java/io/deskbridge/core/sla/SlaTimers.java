package io.deskbridge.core.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A conversation's SLA timers as evaluated at {@code evaluatedAt}: at most one per target. A reply
 * timer exists once a customer has written (its latest cycle, running or stopped); the resolution
 * timer always exists.
 */
public record SlaTimers(List<SlaTimer> timers, Instant evaluatedAt) {

  public SlaTimers {
    timers = List.copyOf(timers);
  }

  public Optional<SlaTimer> timer(SlaTarget target) {
    return timers.stream().filter(t -> t.target() == target).findFirst();
  }

  /**
   * The earliest instant at which a running timer will warn or breach, for the sweeper's index.
   * Empty when nothing will change until the conversation does (a message, a status change).
   */
  public Optional<Instant> nextDeadline() {
    return timers.stream()
        .flatMap(t -> t.nextDeadline(evaluatedAt).stream())
        .min(Instant::compareTo);
  }
}
