package io.deskbridge.core.plugin.spi;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps one tenant's calls under a vendor's per-second limit (amoCRM: 7). The outbox paces jobs, but
 * one job may need several calls (search, create, note), so every call waits its turn here as well.
 * The window is a little longer than a second so the vendor's clock never counts one too many.
 */
public final class RequestPacer {

  private static final long WINDOW_NANOS = 1_150_000_000L;

  private final int permits;
  private final Deque<Long> sent = new ArrayDeque<>();

  public RequestPacer(int permits) {
    this.permits = permits;
  }

  /** Blocks until one more call fits in the window. */
  public synchronized void awaitTurn() throws InterruptedException {
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
      Thread.sleep(waitNanos / 1_000_000 + 1);
    }
  }
}
