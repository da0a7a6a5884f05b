package io.deskbridge.core.ratelimit;

import io.deskbridge.core.plugin.spi.RequestBucket;
import io.deskbridge.core.plugin.spi.RequestPacer;
import io.deskbridge.core.plugin.spi.RequestPacers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Rate limits every server of a cluster enforces together, kept in the database they share: for
 * modules, vendor call pacers (a sliding window log per tenant, module and name) and leaky buckets
 * (one time per tenant, module and name); for the public widget, counters. With N servers a tenant
 * still gets the limit once, not N times.
 */
@ApplicationScoped
public class SharedRateLimits {

  /** Closed counters are removed at most this often per server, and once closed this long. */
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
  /** The width of the bucket column. */
  private static final int MAX_BUCKET = 200;

  private final RateWindows windows;
  private final Clock clock;
  private final VendorCallMetrics metrics;
  private final AtomicReference<Instant> sweptAt = new AtomicReference<>(Instant.EPOCH);

  @Inject
  public SharedRateLimits(RateWindows windows, Clock clock, VendorCallMetrics metrics) {
    this.windows = windows;
    this.clock = clock;
    this.metrics = metrics;
  }

  protected SharedRateLimits() {
    this(null, null, null);
  }

  /** The pacers and buckets one tenant's module instance gets through its {@code PluginContext}. */
  public RequestPacers forModule(long tenantId, String moduleId) {
    return new RequestPacers() {
      @Override
      public RequestPacer pacer(String name, int permits) {
        return new RequestPacer(callLog(tenantId, moduleId, moduleId + "/" + name, new SlidingWindowLog(permits,
            RequestPacer.WINDOW)));
      }

      @Override
      public RequestBucket bucket(String name, int capacity, double drainPerSecond) {
        return new RequestBucket(bucketLevels(tenantId, moduleId + "/" + name, new LeakyBucket(capacity,
            drainPerSecond)));
      }
    };
  }

  private RequestPacer.Turns callLog(long tenantId, String moduleId, String bucket, SlidingWindowLog log) {
    return new RequestPacer.Turns() {
      @Override
      public RequestPacer.Turn tryTurn() {
        return firstWriterWins(() -> windows.tryCall(tenantId, bucket, log));
      }

      @Override
      public void answered(Instant place, Instant at) {
        // The held place is the turn's time plus HOLD, in whole milliseconds.
        metrics.answered(moduleId, Duration.between(place.minus(RequestPacer.HOLD), at));
        firstWriterWins(() -> {
          windows.answered(tenantId, bucket, log, place, at);
          return place;
        });
      }
    };
  }

  private RequestBucket.Levels bucketLevels(long tenantId, String bucket, LeakyBucket rule) {
    return new RequestBucket.Levels() {
      @Override
      public Duration tryTake() {
        return firstWriterWins(() -> windows.tryBucket(tenantId, bucket, rule));
      }

      @Override
      public void fill() {
        firstWriterWins(() -> {
          windows.fillBucket(tenantId, bucket, rule);
          return bucket;
        });
      }
    };
  }

  /** Counts one call against {@code limit} per {@code length}; the window tells whether it is over. */
  public CountingWindow count(String bucket, Duration length) {
    sweepClosedCounters();
    String key = bucket.length() <= MAX_BUCKET ? bucket : "sha256:" + sha256(bucket);
    return firstWriterWins(() -> windows.count(key, length));
  }

  /** A visitor token is as long as its sender likes; the row keeps a digest of a long key. */
  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void sweepClosedCounters() {
    Instant now = clock.instant();
    Instant last = sweptAt.get();
    if (now.isAfter(last.plus(SWEEP_EVERY)) && sweptAt.compareAndSet(last, now)) {
      windows.removeCountersClosedBefore(now.minus(SWEEP_EVERY));
    }
  }

  /**
   * Two servers may both find no row and insert it; the unique key lets one win and rolls the other
   * back. The loser tries once more and finds the winner's row.
   */
  private static <T> T firstWriterWins(Supplier<T> attempt) {
    try {
      return attempt.get();
    } catch (RuntimeException e) {
      return attempt.get();
    }
  }
}
