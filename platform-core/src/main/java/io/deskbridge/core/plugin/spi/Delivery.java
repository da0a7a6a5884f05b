package io.deskbridge.core.plugin.spi;

import io.deskbridge.core.event.DomainEvent;
import java.util.Optional;

/**
 * One outbox job handed to a module: either a domain event or an agent action. The same job may be
 * handed over more than once (a crash between the vendor's answer and the outbox's record), so
 * modules use {@link #idempotencyKey()} and the {@link Mappings} to make a repeat harmless.
 */
public record Delivery(long jobId, String idempotencyKey, int attempt, DomainEvent event, ActionRequest action) {

  public Optional<DomainEvent> domainEvent() {
    return Optional.ofNullable(event);
  }

  public Optional<ActionRequest> agentAction() {
    return Optional.ofNullable(action);
  }
}
