package io.deskbridge.core.ratelimit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where rate windows live so that every server of a cluster counts the same calls. Every method runs
 * in the caller's transaction; the {@code lock} methods hold a row lock until it ends.
 */
public interface RateWindowRepository {

  /** The times of a pacer's recent calls, locked against every other server; empty if it never ran. */
  Optional<List<Instant>> lockCallLog(long tenantId, String bucket);

  /** The first log of a bucket; fails on the unique key if another server created it meanwhile. */
  void createCallLog(long tenantId, String bucket, List<Instant> calls);

  void saveCallLog(long tenantId, String bucket, List<Instant> calls);

  /** When a module's leaky bucket empties, locked against every other server; empty if it never ran. */
  Optional<Instant> lockBucket(long tenantId, String bucket);

  /** The first state of a bucket; fails on the unique key if another server created it meanwhile. */
  void createBucket(long tenantId, String bucket, Instant emptyAt);

  void saveBucket(long tenantId, String bucket, Instant emptyAt);

  /** A counter, locked against every other server; empty if it never counted. */
  Optional<CountingWindow> lockCounter(String bucket);

  /** The first window of a counter; fails on the unique key if another server created it meanwhile. */
  void createCounter(String bucket, CountingWindow window);

  void saveCounter(String bucket, CountingWindow window);

  /** Removes counters whose window closed before {@code before}; returns how many. */
  int removeCountersClosedBefore(Instant before);
}
