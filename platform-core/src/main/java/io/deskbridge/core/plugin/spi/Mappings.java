package io.deskbridge.core.plugin.spi;

import java.util.List;
import java.util.Objects;
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

  /** Removes the mapping if there is one; durable when this call returns. */
  void forget(String localType, String localId);

  /**
   * The mappings of one local type, the most recently changed first, at most {@code limit}: for a
   * module's own small records (the questions a forum answered, the conversations waiting for one).
   */
  List<Entry> recent(String localType, int limit);

  /** One mapping of a local type. */
  record Entry(String localId, String remoteId) {}

  /**
   * Atomically points the mapping at {@code replacement} if it currently points at {@code expected}
   * ({@code null}: if there is no mapping yet), across every server of a cluster. Modules build
   * leases on it (one token refresh at a time, one contact per customer).
   *
   * <p>The default is only atomic within one instance; the platform's store overrides it.
   *
   * @return true when this call made the change
   */
  default boolean compareAndSet(String localType, String localId, String expected, String replacement) {
    synchronized (this) {
      if (!Objects.equals(remoteId(localType, localId).orElse(null), expected)) {
        return false;
      }
      remember(localType, localId, replacement);
      return true;
    }
  }
}
