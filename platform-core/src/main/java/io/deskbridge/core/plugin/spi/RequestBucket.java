package io.deskbridge.core.plugin.spi;

import io.deskbridge.core.ratelimit.LeakyBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one tenant's calls within a vendor's leaky bucket (Bitrix24: each request adds one, two drain
 * a second, over 50 is refused). Where {@link RequestPacer} suits a vendor that counts calls per second,
 * this suits one that lets a burst through and then only its drain rate.
 *
 * <p>A module gets its buckets from {@link PluginContext#bucket}: the platform's are filled by every
 * server of a cluster together, so two servers delivering the same tenant's jobs do not each spend the
 * whole bucket. {@link #RequestBucket(int, double)} counts in this JVM only.
 */
public final class RequestBucket {

  /** Where the bucket's level is kept. */
  public interface Levels {

    /** One try: zero when the request may go now (and is counted), else how long until it could. */
    Duration tryTake();

    /** The vendor refused a request as over its limit: the bucket counts as full from now. */
    void fill();
  }

  private final Levels levels;

  /** A bucket of this JVM only: for tests and tools that run on one server. */
  public RequestBucket(int capacity, double drainPerSecond) {
    this(new LocalLevels(new LeakyBucket(capacity, drainPerSecond), Clock.systemUTC()));
  }

  public RequestBucket(Levels levels) {
    this.levels = levels;
  }

  /**
   * Waits until one more request fits and counts it, for at most {@code longest} in all: other callers
   * may take the room a waiter woke for, and a call that kept losing it could otherwise outlive its
   * job's lease and have the job claimed a second time while it still runs.
   *
   * @return zero once the request is counted; else how long it would still have to wait, more than was
   *     left of {@code longest}: the caller should try again that much later instead
   */
  public Duration awaitRoom(Duration longest) throws InterruptedException {
    long deadline = System.nanoTime() + longest.toNanos();
    Duration wait = levels.tryTake();
    while (!wait.isZero()) {
      if (wait.toNanos() > deadline - System.nanoTime()) {
        return wait;
      }
      TimeUnit.NANOSECONDS.sleep(wait.toNanos());
      wait = levels.tryTake();
    }
    return Duration.ZERO;
  }

  /** The vendor answered that its bucket is full (others filled it): ours counts as full too. */
  public void overflowed() {
    levels.fill();
  }

  /** The bucket's level in this JVM's memory. */
  public static final class LocalLevels implements Levels {

    private final LeakyBucket bucket;
    private final Clock clock;
    private Instant emptyAt = Instant.EPOCH;

    public LocalLevels(LeakyBucket bucket, Clock clock) {
      this.bucket = bucket;
      this.clock = clock;
    }

    @Override
    public synchronized Duration tryTake() {
      LeakyBucket.Turn turn = bucket.take(emptyAt, clock.instant());
      emptyAt = turn.emptyAt();
      return turn.waitFor();
    }

    @Override
    public synchronized void fill() {
      emptyAt = bucket.filled(emptyAt, clock.instant());
    }
  }
}
