package io.deskbridge.core.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A vendor's leaky bucket: every request adds one, {@code drainPerSecond} drain away each second, and a
 * request that would take it over {@code capacity} is refused (Bitrix24: 50 deep, 2 a second). Its whole
 * state is one time, when the bucket would be empty if nothing more came (the generic cell rate
 * algorithm), so the same decision holds whether that time lives in one server's memory or in a row
 * every server of a cluster locks. Times are kept in microseconds, as the database keeps them.
 */
public record LeakyBucket(int capacity, double drainPerSecond) {

  public LeakyBucket {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    if (!(drainPerSecond > 0) || drainPerSecond > 1_000_000) {
      throw new IllegalArgumentException("drainPerSecond must be above 0 and at most a million: " + drainPerSecond);
    }
  }

  /** How long one request takes to drain away. */
  public Duration perRequest() {
    return Duration.of(Math.round(1_000_000 / drainPerSecond), ChronoUnit.MICROS);
  }

  /**
   * One try at a request at {@code now}, given when the bucket empties (a time long past for a bucket
   * never used). Granted, the turn holds the bucket's new empty time; refused, it says how long until
   * one more request fits, and the bucket is left as it was.
   */
  public Turn take(Instant emptyAt, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    Instant emptyWithThis = (emptyAt.isAfter(at) ? emptyAt : at).plus(perRequest());
    Duration over = Duration.between(at, emptyWithThis).minus(full());
    if (over.isNegative() || over.isZero()) {
      return new Turn(Duration.ZERO, emptyWithThis);
    }
    return new Turn(over, emptyAt);
  }

  /**
   * The empty time of a bucket the vendor just called full (it refused a request as over its limit,
   * others having filled it): full from {@code now}, unless ours already counts more.
   */
  public Instant filled(Instant emptyAt, Instant now) {
    Instant full = now.truncatedTo(ChronoUnit.MICROS).plus(full());
    return emptyAt.isAfter(full) ? emptyAt : full;
  }

  /** How long a full bucket takes to drain. */
  private Duration full() {
    return perRequest().multipliedBy(capacity);
  }

  /**
   * The outcome of one try.
   *
   * @param waitFor zero when the request may go now (it is already counted), else how long until it could
   * @param emptyAt the bucket's empty time to keep
   */
  public record Turn(Duration waitFor, Instant emptyAt) {

    public boolean isGranted() {
      return waitFor.isZero();
    }
  }
}
