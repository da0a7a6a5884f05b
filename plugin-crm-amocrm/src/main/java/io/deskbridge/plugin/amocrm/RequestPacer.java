package io.deskbridge.plugin.amocrm;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps one tenant's calls under amoCRM's 7 requests per second. The outbox paces jobs, but one job
 * may need several calls (search, create, note), so every call waits its turn here as well. The
 * window is a little longer than a second so the vendor's clock never counts eight.
 */
final class RequestPacer {

  private static final long WINDOW_NANOS = 1_150_000_000L;

  private final int permits;
  private final Deque<Long> sent = new ArrayDeque<>();

  RequestPacer(int permits) {
    this.permits = permits;
  }

  synchronized void awaitTurn() {
    while (true) {
      long now = System.nanoTime();
      while (!sent.isEmpty() && now - sent.peekFirst() >= WINDOW_NANOS) {
        sent.pollFirst();
      }
      if (sent.size() < permits) {
        sent.addLast(now);
        return;
      }
      long waitNanos = WINDOW_NANOS - (now - sent.peekFirst());
      try {
        Thread.sleep(waitNanos / 1_000_000 + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw AmoCallFailed.retry(null, "interrupted while waiting for amoCRM's rate limit");
      }
    }
  }
}
