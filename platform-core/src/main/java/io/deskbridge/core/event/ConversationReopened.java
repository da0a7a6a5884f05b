package io.deskbridge.core.event;

import java.time.Instant;

/** A closed conversation was opened again; its category was cleared. */
public record ConversationReopened(long tenantId, long conversationId, Instant occurredAt)
    implements DomainEvent {

  public static final String TYPE = "conversation.reopened";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }
}
