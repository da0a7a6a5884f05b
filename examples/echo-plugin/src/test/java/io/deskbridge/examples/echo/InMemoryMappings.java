package io.deskbridge.examples.echo;

import io.deskbridge.core.plugin.spi.Mappings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One tenant's mappings, kept in memory for a test. */
final class InMemoryMappings implements Mappings {

  /** In the order of their last change, so {@link #recent} reads from the end. */
  private final Map<String, String> remoteIds = new LinkedHashMap<>();

  @Override
  public Optional<String> remoteId(String localType, String localId) {
    return Optional.ofNullable(remoteIds.get(localType + "/" + localId));
  }

  @Override
  public void remember(String localType, String localId, String remoteId) {
    remoteIds.remove(localType + "/" + localId);
    remoteIds.put(localType + "/" + localId, remoteId);
  }

  @Override
  public void forget(String localType, String localId) {
    remoteIds.remove(localType + "/" + localId);
  }

  @Override
  public List<Entry> recent(String localType, int limit) {
    List<Entry> entries = new ArrayList<>();
    remoteIds.forEach((key, remoteId) -> {
      if (key.startsWith(localType + "/")) {
        entries.add(0, new Entry(key.substring(localType.length() + 1), remoteId));
      }
    });
    return entries.subList(0, Math.min(limit, entries.size()));
  }
}
