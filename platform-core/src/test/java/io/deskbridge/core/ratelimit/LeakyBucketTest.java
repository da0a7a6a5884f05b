package io.deskbridge.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeakyBucketTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant NEVER_USED = Instant.EPOCH;

  /** Bitrix24's bucket with four places of headroom: 46 deep, two drain a second. */
  final LeakyBucket bucket = new LeakyBucket(46, 2);

  @Test
  void aBurstOfCapacityGoesAtOnceAndTheNextWaitsForOneToDrain() {
    Instant emptyAt = NEVER_USED;
    for (int i = 0; i < 46; i++) {
      LeakyBucket.Turn turn = bucket.take(emptyAt, T0);
      assertTrue(turn.isGranted(), "request " + i);
      emptyAt = turn.emptyAt();
    }
    assertEquals(T0.plusSeconds(23), emptyAt, "46 requests drain in 23 seconds");
    LeakyBucket.Turn refused = bucket.take(emptyAt, T0.plusMillis(100));
    assertFalse(refused.isGranted());
    assertEquals(Duration.ofMillis(400), refused.waitFor(), "one drains 500 ms after the burst");
    assertEquals(emptyAt, refused.emptyAt(), "a refused request is not counted");
    assertTrue(bucket.take(emptyAt, T0.plusMillis(500)).isGranted());
  }

  @Test
  void aBucketLeftAloneEmptiesAndTakesAWholeBurstAgain() {
    Instant emptyAt = T0.plusSeconds(23);
    assertFalse(bucket.take(emptyAt, T0).isGranted());
    for (int i = 0; i < 46; i++) {
      LeakyBucket.Turn turn = bucket.take(emptyAt, T0.plusSeconds(30));
      assertTrue(turn.isGranted(), "request " + i);
      emptyAt = turn.emptyAt();
    }
    assertFalse(bucket.take(emptyAt, T0.plusSeconds(30)).isGranted());
  }

  /**
   * Callers hammering the bucket for a minute: no stretch of time ever holds more than its capacity plus
   * what drained meanwhile, and the callers get all of that, not less.
   */
  @Test
  void callersInAnyOrderGetTheBurstAndTheDrainRateAndNeverMore() {
    Random random = new Random(11);
    Instant emptyAt = NEVER_USED;
    List<Instant> granted = new ArrayList<>();
    Instant now = T0;
    while (now.isBefore(T0.plusSeconds(60))) {
      LeakyBucket.Turn turn = bucket.take(emptyAt, now);
      emptyAt = turn.emptyAt();
      if (turn.isGranted()) {
        granted.add(now);
        now = now.plusMillis(random.nextInt(3));
      } else {
        // Several callers: some come back before their wait is over, some exactly on time.
        long waitMillis = turn.waitFor().toMillis();
        now = now.plusMillis(random.nextBoolean() ? random.nextInt(1 + (int) waitMillis) : waitMillis);
      }
    }
    for (int first = 0; first < granted.size(); first++) {
      for (int last = first; last < granted.size(); last++) {
        double seconds = Duration.between(granted.get(first), granted.get(last)).toNanos() / 1e9;
        int requests = last - first + 1;
        assertTrue(requests <= 46 + seconds * 2 + 1e-9,
            requests + " requests in " + seconds + " s, from request " + first);
      }
    }
    assertTrue(granted.size() >= 46 + 2 * 59, "the drain rate was used: " + granted.size() + " in a minute");
  }

  @Test
  void aBucketTheVendorCallsFullWaitsForOneToDrain() {
    Instant full = bucket.filled(NEVER_USED, T0);
    assertEquals(Duration.ofMillis(500), bucket.take(full, T0).waitFor());
    Instant fuller = T0.plusSeconds(30);
    assertEquals(fuller, bucket.filled(fuller, T0), "a bucket we count fuller stays as full");
  }

  @Test
  void timesAreKeptInMicrosecondsAsTheDatabaseKeepsThem() {
    LeakyBucket slow = new LeakyBucket(1, 3);
    LeakyBucket.Turn turn = slow.take(NEVER_USED, T0.plusNanos(1_234_567));
    assertEquals(T0.plusNanos(1_234_000).plusNanos(333_333_000), turn.emptyAt());
  }

  @Test
  void aBucketNeedsRoomAndADrain() {
    assertThrows(IllegalArgumentException.class, () -> new LeakyBucket(0, 2));
    assertThrows(IllegalArgumentException.class, () -> new LeakyBucket(50, 0));
    assertThrows(IllegalArgumentException.class, () -> new LeakyBucket(50, Double.NaN));
  }
}
