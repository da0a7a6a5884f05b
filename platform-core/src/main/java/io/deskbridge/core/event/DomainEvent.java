package io.deskbridge.core.event;

import java.time.Instant;

/**
 * A fact about a tenant's support work that modules may react to. Events are stored with the change
 * that caused them (the outbox), so a module sees every committed event and no rolled-back one.
 *
 * <p>{@link #type()} is the stable name modules and webhook receivers use ("message.created");
 * {@link #orderingKey()} groups events that must be delivered in order (one conversation's).
 */
public sealed interface DomainEvent
    permits ConversationCreated, MessageAdded, ConversationAssigned, CategorySet, StatusChanged,
        ConversationClosed, ConversationReopened, ConversationTransferred, CustomerUpdated,
        SlaWarned, SlaBreached {

  long tenantId();

  Instant occurredAt();

  String type();

  /** Events with the same key are delivered to a module one after another, oldest first. */
  String orderingKey();
}
