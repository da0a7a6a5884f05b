package io.deskbridge.plugin.bitrix;

import java.time.Duration;

/**
 * Our copy of the portal's leaky bucket (+1 per request, draining 2 per second, refusing above 50).
 * The outbox paces jobs, but one job may need several calls (search, create, link), so every call
 * waits here until the portal would take it. A little headroom is kept for the calls of other
 * servers of the cluster and of the portal's other integrations on our address.
 */
final class PortalBucket {

  private static final double HEADROOM = 4;
  static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  private final double capacity;
  private final double drainPerSecond;
  private double level;
  private long drainedAt = System.nanoTime();

  PortalBucket(int capacity, double drainPerSecond) {
    this.capacity = capacity - HEADROOM;
    this.drainPerSecond = drainPerSecond;
  }

  /** Blocks until one more request fits; a job that would wait too long is retried later instead. */
  synchronized void awaitRoom() throws InterruptedException {
    while (true) {
      drain();
      if (level + 1 <= capacity) {
        level += 1;
        return;
      }
      long waitMillis = (long) Math.ceil((level + 1 - capacity) / drainPerSecond * 1000);
      if (waitMillis > LONGEST_WAIT.toMillis()) {
        throw PortalCallFailed.retry(Duration.ofMillis(waitMillis), "waiting for room in Bitrix24's request bucket");
      }
      wait(waitMillis);
    }
  }

  /** The portal answered QUERY_LIMIT_EXCEEDED: others filled it, so ours counts as full. */
  synchronized void overflowed() {
    drain();
    level = capacity + HEADROOM;
  }

  /** How long a full bucket takes to take requests again, the wait a refused job is given. */
  Duration untilRoom() {
    return Duration.ofMillis((long) Math.ceil((HEADROOM + 1) / drainPerSecond * 1000));
  }

  private void drain() {
    long now = System.nanoTime();
    level = Math.max(0, level - (now - drainedAt) / 1e9 * drainPerSecond);
    drainedAt = now;
  }
}
