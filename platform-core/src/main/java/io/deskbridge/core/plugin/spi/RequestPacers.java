package io.deskbridge.core.plugin.spi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pacers and buckets of one tenant's module instance, named by the module ("api", "post:C0123",
 * "portal"). The same name gives a pacer (or bucket) counting the same calls, on every server of a
 * cluster when the platform made it.
 */
public interface RequestPacers {

  /**
   * A pacer allowing at most {@code permits} calls in any {@link RequestPacer#WINDOW} under this name.
   * Ask again whenever convenient: pacers of one name count together.
   */
  RequestPacer pacer(String name, int permits);

  /**
   * A leaky bucket under this name: each call adds one, {@code drainPerSecond} drain away each second,
   * a call that would take it over {@code capacity} waits. Buckets of one name count together.
   */
  RequestBucket bucket(String name, int capacity, double drainPerSecond);

  /** Pacers and buckets of this JVM only, one per name: what a context built by a module's own tests gets. */
  static RequestPacers inMemory() {
    return new RequestPacers() {
      private final Map<String, RequestPacer> pacers = new ConcurrentHashMap<>();
      private final Map<String, RequestBucket> buckets = new ConcurrentHashMap<>();

      @Override
      public RequestPacer pacer(String name, int permits) {
        return pacers.computeIfAbsent(name + "@" + permits, n -> new RequestPacer(permits));
      }

      @Override
      public RequestBucket bucket(String name, int capacity, double drainPerSecond) {
        return buckets.computeIfAbsent(name + "@" + capacity + "/" + drainPerSecond,
            n -> new RequestBucket(capacity, drainPerSecond));
      }
    };
  }
}
