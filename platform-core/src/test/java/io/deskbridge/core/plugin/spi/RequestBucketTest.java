package io.deskbridge.core.plugin.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.ratelimit.LeakyBucket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestBucketTest {

  @Test
  void twoServersOnOneLevelSpendOneBucketBetweenThem() throws InterruptedException {
    RequestPacerTest.ManualClock clock = new RequestPacerTest.ManualClock();
    RequestBucket.Levels shared = new RequestBucket.LocalLevels(new LeakyBucket(3, 1), clock);
    RequestBucket a = new RequestBucket(shared);
    RequestBucket b = new RequestBucket(shared);
    assertEquals(Duration.ZERO, a.awaitRoom(Duration.ZERO));
    assertEquals(Duration.ZERO, b.awaitRoom(Duration.ZERO));
    assertEquals(Duration.ZERO, a.awaitRoom(Duration.ZERO));
    assertEquals(Duration.ofSeconds(1), b.awaitRoom(Duration.ZERO), "a's second request filled it for both");
    clock.now = clock.now.plusSeconds(1);
    assertEquals(Duration.ZERO, b.awaitRoom(Duration.ZERO));
    clock.now = clock.now.plusSeconds(2);
    a.overflowed();
    assertEquals(Duration.ofSeconds(1), b.awaitRoom(Duration.ZERO), "the vendor called it full: b waits too");
  }

  @Test
  void aCallWaitsForRoomWithinItsLongestWait() throws InterruptedException {
    RequestBucket bucket = new RequestBucket(1, 20);
    assertEquals(Duration.ZERO, bucket.awaitRoom(Duration.ZERO));
    long started = System.nanoTime();
    assertEquals(Duration.ZERO, bucket.awaitRoom(Duration.ofSeconds(1)), "50 ms of drain is within a second");
    assertTrue(System.nanoTime() - started >= Duration.ofMillis(40).toNanos(), "it waited for the drain");
  }

  @Test
  void aCallThatWouldWaitLongerThanItsLongestIsToldHowLongAndNotCounted() throws InterruptedException {
    RequestBucket bucket = new RequestBucket(1, 0.1);
    assertEquals(Duration.ZERO, bucket.awaitRoom(Duration.ZERO));
    long started = System.nanoTime();
    Duration wait = bucket.awaitRoom(Duration.ofSeconds(1));
    assertTrue(wait.compareTo(Duration.ofSeconds(9)) > 0 && wait.compareTo(Duration.ofSeconds(10)) <= 0,
        wait::toString);
    assertTrue(System.nanoTime() - started < Duration.ofMillis(500).toNanos(), "it did not sleep in vain");
    bucket.overflowed();
    assertTrue(bucket.awaitRoom(Duration.ZERO).compareTo(Duration.ofSeconds(9)) > 0);
  }

  @Test
  void bucketsOfOneNameCountTogether() {
    RequestPacers pacers = RequestPacers.inMemory();
    assertSame(pacers.bucket("portal", 46, 2), pacers.bucket("portal", 46, 2));
    PluginContext context = new PluginContext(1, "acme", null, "http://localhost", null, null, Clock.systemUTC());
    assertSame(context.bucket("portal", 46, 2), context.bucket("portal", 46, 2));
  }
}
