package io.deskbridge.core.plugin.spi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pacers of one tenant's module instance, named by the module ("api", "post:C0123"). The same
 * name gives a pacer counting the same calls, on every server of a cluster when the platform made it.
 */
@FunctionalInterface
public interface RequestPacers {

  /**
   * A pacer allowing at most {@code permits} calls in any {@link RequestPacer#WINDOW} under this name.
   * Ask again whenever convenient: pacers of one name count together.
   */
  RequestPacer pacer(String name, int permits);

  /** Pacers of this JVM only, one per name: what a context built by a module's own tests gets. */
  static RequestPacers inMemory() {
    Map<String, RequestPacer> pacers = new ConcurrentHashMap<>();
    return (name, permits) -> pacers.computeIfAbsent(name + "@" + permits, n -> new RequestPacer(permits));
  }
}
