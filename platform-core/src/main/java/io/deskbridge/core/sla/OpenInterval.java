package io.deskbridge.core.sla;

import java.time.Duration;
import java.time.Instant;

/** A stretch of real time when support is open, [start, end); start is always before end. */
record OpenInterval(Instant start, Instant end) {

  Duration length() {
    return Duration.between(start, end);
  }

  boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** The open time this interval shares with [from, to). */
  Duration overlap(Instant from, Instant to) {
    Instant a = start.isAfter(from) ? start : from;
    Instant b = end.isBefore(to) ? end : to;
    return a.isBefore(b) ? Duration.between(a, b) : Duration.ZERO;
  }
}
