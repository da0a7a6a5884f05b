package io.deskbridge.core.plugin.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A lock shared by every server of the cluster, kept in the module's mappings with compare-and-set.
 * It expires, so a server killed while holding it does not block the tenant for good.
 */
public final class Lease {

  private static final String TYPE = "lease";
  private static final String FREE = "free";

  private final Mappings mappings;
  private final String name;
  private final Clock clock;
  private String held;

  public Lease(Mappings mappings, String name, Clock clock) {
    this.mappings = mappings;
    this.name = name;
    this.clock = clock;
  }

  public boolean tryAcquire(Duration ttl) {
    String mine = UUID.randomUUID() + "@" + clock.instant().plus(ttl).toEpochMilli();
    Optional<String> current = mappings.remoteId(TYPE, name);
    boolean won;
    if (current.isEmpty()) {
      won = mappings.compareAndSet(TYPE, name, null, mine);
    } else if (current.get().equals(FREE) || expired(current.get())) {
      won = mappings.compareAndSet(TYPE, name, current.get(), mine);
    } else {
      won = false;
    }
    held = won ? mine : null;
    return won;
  }

  public void release() {
    if (held != null) {
      mappings.compareAndSet(TYPE, name, held, FREE);
      held = null;
    }
  }

  private boolean expired(String value) {
    int at = value.lastIndexOf('@');
    return at < 0 || Long.parseLong(value.substring(at + 1)) < clock.millis();
  }
}
