package io.deskbridge.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one clock of the application; the domain takes it by injection so tests can move time. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  @jakarta.inject.Singleton
  Clock clock() {
    // Databases keep microseconds; an instant with nanoseconds would not survive the round trip,
    // and keyset cursors built from it would skip or repeat rows.
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
