package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.RequestBucket;
import io.deskbridge.core.plugin.spi.RequestPacers;
import java.time.Duration;

/**
 * Our count of the portal's leaky bucket (+1 per request, draining 2 per second, refusing above 50),
 * kept by the platform for every server of the cluster together. The outbox paces jobs, but one job
 * may need several calls (search, create, link), so every call waits here until the portal would take
 * it. A little headroom is kept for the portal's other integrations on our address and for requests
 * that reach the portal later than they were counted.
 */
final class PortalBucket {

  private static final int HEADROOM = 4;
  static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  private final RequestBucket bucket;
  private final double drainPerSecond;

  PortalBucket(RequestPacers pacers, int capacity, double drainPerSecond) {
    this.bucket = pacers.bucket("portal", capacity - HEADROOM, drainPerSecond);
    this.drainPerSecond = drainPerSecond;
  }

  /**
   * Waits until one more request fits; a call that would wait longer than {@link #LONGEST_WAIT} in all
   * is retried later instead.
   */
  void awaitRoom() throws InterruptedException {
    Duration wait = bucket.awaitRoom(LONGEST_WAIT);
    if (!wait.isZero()) {
      throw PortalCallFailed.retry(wait, "waiting for room in Bitrix24's request bucket");
    }
  }

  /** The portal answered QUERY_LIMIT_EXCEEDED: others filled it, so ours counts as full. */
  void overflowed() {
    bucket.overflowed();
  }

  /** How long the portal's full bucket takes to take requests again, the wait a refused job is given. */
  Duration untilRoom() {
    return Duration.ofMillis((long) Math.ceil((HEADROOM + 1) / drainPerSecond * 1000));
  }
}
