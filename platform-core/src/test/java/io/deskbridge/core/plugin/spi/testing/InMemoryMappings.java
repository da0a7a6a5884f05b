package io.deskbridge.core.plugin.spi.testing;

import io.deskbridge.core.plugin.spi.Mappings;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A module's mappings table in memory, for plugin tests. Several module instances built on one of
 * these share it, as the servers of a cluster share the real table; {@link #remote} is open so a test
 * can make a server "forget" what it wrote before a crash.
 */
public final class InMemoryMappings implements Mappings {

  /** {@code localType:localId} → remote id. */
  public final Map<String, String> remote = new ConcurrentHashMap<>();

  @Override
  public Optional<String> remoteId(String localType, String localId) {
    return Optional.ofNullable(remote.get(localType + ":" + localId));
  }

  @Override
  public void remember(String localType, String localId, String remoteId) {
    remote.put(localType + ":" + localId, remoteId);
  }

  @Override
  public boolean compareAndSet(String localType, String localId, String expected, String replacement) {
    String key = localType + ":" + localId;
    return expected == null ? remote.putIfAbsent(key, replacement) == null
        : remote.replace(key, expected, replacement);
  }
}
