package io.deskbridge.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * How an SLA target counts time: wall-clock units count every second, business units only the
 * calendar's open time. A pause, and the warning share, are measured the same way as the target.
 */
enum TimeMeasure {
  WALL_CLOCK {
    @Override
    Duration between(BusinessHours hours, Instant a, Instant b) {
      return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }

    @Override
    Instant plus(BusinessHours hours, Instant start, Duration amount) {
      return start.plus(amount);
    }
  },
  BUSINESS {
    @Override
    Duration between(BusinessHours hours, Instant a, Instant b) {
      return hours.between(a, b);
    }

    @Override
    Instant plus(BusinessHours hours, Instant start, Duration amount) {
      return hours.plus(start, amount);
    }
  };

  abstract Duration between(BusinessHours hours, Instant a, Instant b);

  abstract Instant plus(BusinessHours hours, Instant start, Duration amount);
}
