package io.deskbridge.plugin.slack;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The platform's clock read through {@link Clock#instant()} only: the server hands modules a
 * {@code Clock.tick} clock whose {@code millis()} divides by its sub-millisecond tick and throws
 * {@code ArithmeticException}; {@code Lease} and the claims here read {@code millis()}.
 */
final class InstantClock extends Clock {

  private final Clock platform;

  InstantClock(Clock platform) {
    this.platform = platform;
  }

  @Override
  public Instant instant() {
    return platform.instant();
  }

  @Override
  public ZoneId getZone() {
    return platform.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new InstantClock(platform.withZone(zone));
  }
}
