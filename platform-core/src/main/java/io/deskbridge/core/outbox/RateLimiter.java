package io.deskbridge.core.outbox;

import io.deskbridge.core.plugin.spi.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per (tenant, module), refilled at the module's declared rate. Each server instance
 * keeps its own buckets, so with N instances a module may reach N times its rate: declare a limit
 * with that headroom, or run its deliveries on one instance.
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
