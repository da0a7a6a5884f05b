package io.deskbridge.core.ratelimit;

import io.deskbridge.core.plugin.spi.RequestPacer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One try at a rate window or a leaky bucket, each in a short transaction of its own: lock the row, decide, write back.
 * Nobody waits while holding the lock; a refused caller sleeps outside and tries again. The time is
 * read after the lock is taken, so calls are logged in the order the servers took their turns. Use
 * {@link SharedRateLimits}, which also settles two servers creating the same row at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RateWindows {

  private final RateWindowRepository windows;
  private final Clock clock;

  @Inject
  public RateWindows(RateWindowRepository windows, Clock clock) {
    this.windows = windows;
    this.clock = clock;
  }

  protected RateWindows() {
    this(null, null);
  }

  /**
   * One try at a place in a pacer's log: granted, the place is held until {@link #answered} or for
   * {@link RequestPacer#HOLD}.
   */
  public RequestPacer.Turn tryCall(long tenantId, String bucket, SlidingWindowLog log) {
    Optional<List<Instant>> recent = windows.lockCallLog(tenantId, bucket);
    Instant now = clock.instant();
    Instant place = RequestPacer.heldPlace(now);
    SlidingWindowLog.Turn turn = log.take(recent.orElse(List.of()), now, place);
    // A refusal that dropped no lapsed call leaves the row as it was: nothing to write.
    if (recent.isEmpty() || turn.isGranted() || turn.calls().size() < recent.get().size()) {
      writeCallLog(tenantId, bucket, recent.isPresent(), turn.calls());
    }
    return RequestPacer.Turn.of(turn, place);
  }

  /** The call that took {@code place} had its answer at {@code at}: its place counts from then on. */
  public void answered(long tenantId, String bucket, SlidingWindowLog log, Instant place, Instant at) {
    Optional<List<Instant>> recent = windows.lockCallLog(tenantId, bucket);
    writeCallLog(tenantId, bucket, recent.isPresent(), log.answered(recent.orElse(List.of()), place, at));
  }

  private void writeCallLog(long tenantId, String bucket, boolean exists, List<Instant> calls) {
    if (exists) {
      windows.saveCallLog(tenantId, bucket, calls);
    } else {
      windows.createCallLog(tenantId, bucket, calls);
    }
  }

  /** One try at room in a module's leaky bucket: zero when the call is counted, else how long until it fits. */
  public Duration tryBucket(long tenantId, String bucket, LeakyBucket rule) {
    Optional<Instant> emptyAt = windows.lockBucket(tenantId, bucket);
    LeakyBucket.Turn turn = rule.take(emptyAt.orElse(Instant.EPOCH), clock.instant());
    // A refusal leaves the bucket as it was: nothing to write.
    if (turn.isGranted()) {
      writeBucket(tenantId, bucket, emptyAt.isPresent(), turn.emptyAt());
    }
    return turn.waitFor();
  }

  /** The vendor called the bucket full: it counts as full from now. */
  public void fillBucket(long tenantId, String bucket, LeakyBucket rule) {
    Optional<Instant> emptyAt = windows.lockBucket(tenantId, bucket);
    writeBucket(tenantId, bucket, emptyAt.isPresent(), rule.filled(emptyAt.orElse(Instant.EPOCH), clock.instant()));
  }

  private void writeBucket(long tenantId, String bucket, boolean exists, Instant emptyAt) {
    if (exists) {
      windows.saveBucket(tenantId, bucket, emptyAt);
    } else {
      windows.createBucket(tenantId, bucket, emptyAt);
    }
  }

  /** Counts one call in the bucket's current window and returns that window. */
  public CountingWindow count(String bucket, Duration length) {
    Instant now = clock.instant();
    Optional<CountingWindow> current = windows.lockCounter(bucket);
    if (current.isEmpty()) {
      CountingWindow opened = CountingWindow.opened(now, length);
      windows.createCounter(bucket, opened);
      return opened;
    }
    CountingWindow counted = current.get().count(now, length);
    windows.saveCounter(bucket, counted);
    return counted;
  }

  public int removeCountersClosedBefore(Instant before) {
    return windows.removeCountersClosedBefore(before);
  }
}
