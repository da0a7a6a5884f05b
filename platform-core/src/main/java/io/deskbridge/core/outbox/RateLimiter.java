package io.deskbridge.core.outbox;

import io.deskbridge.core.plugin.spi.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per (tenant, module), refilled at the module's declared rate: it spreads this
 * instance's deliveries so one tenant's burst does not take every worker. Each server instance keeps
 * its own buckets, so with N instances a module may start N times as many jobs; that is safe for the
 * vendor because every call a job makes waits on the module's pacer ({@code PluginContext.pacer}),
 * which counts the calls of all instances together in the database.
 */
final class RateLimiter {

  private static final class Bucket {
    private final RateLimit limit;
    private double tokens;
    private long refilledAt;

    Bucket(RateLimit limit, long now) {
      this.limit = limit;
      this.tokens = limit.burst();
      this.refilledAt = now;
    }

    synchronized long take(long now) {
      tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / 1e9 * limit.permitsPerSecond());
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / limit.permitsPerSecond() * 1e9);
    }
  }

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Zero when the call may go now, otherwise how long to wait for a permit. */
  Duration acquire(String key, RateLimit limit, long nanoTime) {
    if (limit.isUnlimited()) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(buckets.computeIfAbsent(key, k -> new Bucket(limit, nanoTime)).take(nanoTime));
  }
}
