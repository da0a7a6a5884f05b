package io.deskbridge.examples.echo;

import io.deskbridge.core.plugin.spi.Mappings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One tenant's mappings, kept in memory for a test. */
final class InMemoryMappings implements Mappings {

  private final Map<String, String> remoteIds = new HashMap<>();

  @Override
  public Optional<String> remoteId(String localType, String localId) {
    return Optional.ofNullable(remoteIds.get(localType + "/" + localId));
  }

  @Override
  public void remember(String localType, String localId, String remoteId) {
    remoteIds.put(localType + "/" + localId, remoteId);
  }
}
