package io.deskbridge.core.sla;

import java.time.Instant;

/** A stretch of time from {@code from} until {@code until}, which is null while it lasts. */
record Span(Instant from, Instant until) {

  boolean lasts() {
    return until == null;
  }

  /** True when {@code instant} is not after the end: an open span covers every later instant. */
  boolean reachesTo(Instant instant) {
    return until == null || !instant.isAfter(until);
  }
}
