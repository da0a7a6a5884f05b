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

  /**
   * Blocks until one more request fits; a call that would wait longer than {@link #LONGEST_WAIT} in
   * all is retried later instead. The bound is over the whole call, not each wake-up: other threads
   * may take the room a waiter woke for, and a call that kept losing it could otherwise outlive its
   * job's lease and have the job claimed a second time while it still runs.
   */
  synchronized void awaitRoom() throws InterruptedException {
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    while (true) {
      drain();
      if (level + 1 <= capacity) {
        level += 1;
        return;
      }
      long waitMillis = (long) Math.ceil((level + 1 - capacity) / drainPerSecond * 1000);
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (waitMillis > leftMillis) {
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
