package io.deskbridge.core.plugin.spi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one tenant's calls under a vendor's "N requests in any one second" (amoCRM: 7). The outbox
 * paces jobs, but one job may need several calls (search, create, note), so every call waits its turn
 * here as well.
 *
 * <p>A call made through {@link #call} holds its place from when it starts until one second after its
 * answer arrived. The vendor counts a request when it arrives, which is somewhere in between, so
 * however late a busy machine sends it (a GC pause, a starved thread), no second the vendor counts can
 * hold more than N; and a quick vendor still gets close to N a second. {@link #awaitTurn} is for a
 * caller that cannot say when its answer came: its place is held for a window a little longer than a
 * second from the start, which tolerates a send delayed by up to {@link #SEND_MARGIN_NANOS}.
 */
public final class RequestPacer {

  private static final long SECOND_NANOS = 1_000_000_000L;
  /** How late a call taken with {@link #awaitTurn} may reach the vendor without being counted twice. */
  static final long SEND_MARGIN_NANOS = 150_000_000L;
  private static final long IN_FLIGHT = Long.MAX_VALUE;

  /** One call the vendor may count: in flight, or answered at {@code answeredAt}. */
  private static final class Place {
    private long answeredAt = IN_FLIGHT;
  }

  /** A call to the vendor; its answer or failure is the pacer's signal that it has arrived. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws IOException, InterruptedException;
  }

  private final int permits;
  private final List<Place> held = new ArrayList<>();

  public RequestPacer(int permits) {
    this.permits = permits;
  }

  /** Waits for a place, makes the call, and keeps the place until a second after its answer. */
  public <T> T call(Call<T> call) throws IOException, InterruptedException {
    Place place = take();
    try {
      return call.run();
    } finally {
      release(place, System.nanoTime());
    }
  }

  /** Blocks until one more call fits; the caller sends right after. */
  public void awaitTurn() throws InterruptedException {
    Place place = take();
    release(place, System.nanoTime() + SEND_MARGIN_NANOS);
  }

  private synchronized Place take() throws InterruptedException {
    while (true) {
      long now = System.nanoTime();
      held.removeIf(p -> p.answeredAt != IN_FLIGHT && now - p.answeredAt >= SECOND_NANOS);
      if (held.size() < permits) {
        Place place = new Place();
        held.add(place);
        return place;
      }
      long firstFree = held.stream().mapToLong(p -> p.answeredAt).min().orElse(IN_FLIGHT);
      if (firstFree == IN_FLIGHT) {
        wait(); // every place is in flight: the next answer frees one a second later
      } else {
        long waitNanos = Math.max(1, firstFree + SECOND_NANOS - now);
        wait(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
      }
    }
  }

  private synchronized void release(Place place, long at) {
    place.answeredAt = at;
    notifyAll();
  }
}
