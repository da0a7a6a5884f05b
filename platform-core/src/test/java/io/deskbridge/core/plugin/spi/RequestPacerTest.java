package io.deskbridge.core.plugin.spi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pacer against a vendor that counts requests when they arrive, on the real clock. */
class RequestPacerTest {

  private static final int LIMIT = 5;

  @Test
  void lateSendsNeverPutMoreThanTheLimitInAnyOneSecond() throws Exception {
    // Every other call reaches the vendor 600 ms after its turn, as on a starved machine.
    List<Long> arrivals = callsArrivingAfter(new long[] {600, 0}, 20, 5);
    assertTrue(mostInOneSecond(arrivals) <= LIMIT, "at most " + LIMIT + " in a second: " + arrivals);
  }

  @Test
  void quickCallsGoAtNearlyTheLimit() throws Exception {
    long started = System.nanoTime();
    List<Long> arrivals = callsArrivingAfter(new long[] {0}, 5 * LIMIT, 5);
    double seconds = (System.nanoTime() - started) / 1e9;
    assertTrue(mostInOneSecond(arrivals) <= LIMIT);
    // Five windows of 5 take a little over four seconds; windows of 1.15 s from each start took 4.6.
    assertTrue(seconds < 4.4, "took " + seconds + " s");
  }

  private static List<Long> callsArrivingAfter(long[] delaysMillis, int calls, int threads) throws Exception {
    RequestPacer pacer = new RequestPacer(LIMIT);
    List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < calls; i++) {
      long delay = delaysMillis[i % delaysMillis.length];
      pool.execute(() -> {
        try {
          pacer.call(() -> {
            Thread.sleep(delay);
            arrivals.add(System.nanoTime());
            return null;
          });
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    return arrivals.stream().sorted().toList();
  }

  private static int mostInOneSecond(List<Long> sorted) {
    int max = 0;
    int from = 0;
    for (int i = 0; i < sorted.size(); i++) {
      while (sorted.get(i) - sorted.get(from) >= 1_000_000_000L) {
        from++;
      }
      max = Math.max(max, i - from + 1);
    }
    return max;
  }
}
