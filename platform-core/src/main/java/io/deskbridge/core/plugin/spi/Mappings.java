package io.deskbridge.core.plugin.spi;

import java.util.Optional;

/**
 * The module's memory of what it created at the vendor: local thing ↔ remote id, per tenant. A
 * delivery looks here before creating anything, so a retried job updates instead of duplicating.
 */
public interface Mappings {

  /** @param localType what the local id names, e.g. "conversation", "customer", "message" */
  Optional<String> remoteId(String localType, String localId);

  /** Records (or replaces) the mapping; durable when this call returns. */
  void remember(String localType, String localId, String remoteId);
}
