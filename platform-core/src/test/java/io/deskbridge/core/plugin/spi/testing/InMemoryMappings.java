package io.deskbridge.core.plugin.spi.testing;

import io.deskbridge.core.plugin.spi.Mappings;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A module's mappings table in memory, for plugin tests. Several module instances built on one of
 * these share it, as the servers of a cluster share the real table; {@link #remote} is open so a test
 * can make a server "forget" what it wrote before a crash.
 */
public final class InMemoryMappings implements Mappings {

  /** {@code localType:localId} → remote id. */
  public final Map<String, String> remote = new ConcurrentHashMap<>();

  /** When each mapping last changed, in the order of changes: what {@link #recent} sorts by. */
  private final Map<String, Long> changes = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  @Override
  public Optional<String> remoteId(String localType, String localId) {
    return Optional.ofNullable(remote.get(localType + ":" + localId));
  }

  @Override
  public void remember(String localType, String localId, String remoteId) {
    remote.put(localType + ":" + localId, remoteId);
    touched(localType + ":" + localId);
  }

  @Override
  public void forget(String localType, String localId) {
    remote.remove(localType + ":" + localId);
  }

  @Override
  public List<Entry> recent(String localType, int limit) {
    String prefix = localType + ":";
    return remote.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .sorted(Comparator.comparingLong((Map.Entry<String, String> e) -> changes.getOrDefault(e.getKey(), 0L))
            .reversed())
        .limit(limit)
        .map(e -> new Entry(e.getKey().substring(prefix.length()), e.getValue()))
        .toList();
  }

  @Override
  public boolean compareAndSet(String localType, String localId, String expected, String replacement) {
    String key = localType + ":" + localId;
    boolean changed = expected == null ? remote.putIfAbsent(key, replacement) == null
        : remote.replace(key, expected, replacement);
    if (changed) {
      touched(key);
    }
    return changed;
  }

  private void touched(String key) {
    changes.put(key, sequence.incrementAndGet());
  }
}
