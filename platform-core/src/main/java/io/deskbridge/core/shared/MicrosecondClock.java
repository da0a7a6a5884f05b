package io.deskbridge.core.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The system clock cut to microseconds. Databases keep microseconds; an instant with nanoseconds
 * would not survive the round trip, and keyset cursors built from it would skip or repeat rows.
 * Not {@code Clock.tick(…, 1 µs)}: on Java 17 its {@code millis()} divides by zero for ticks
 * under a millisecond, and modules' leases read {@code millis()}.
 */
public final class MicrosecondClock extends Clock {

  private final ZoneId zone;

  public MicrosecondClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new MicrosecondClock(other);
  }

  @Override
  public Instant instant() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }
}
