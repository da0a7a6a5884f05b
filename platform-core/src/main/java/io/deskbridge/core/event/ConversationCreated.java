package io.deskbridge.core.event;

import java.time.Instant;

/** A customer's first message opened a conversation. */
public record ConversationCreated(long tenantId, long conversationId, long customerId, String channel, Instant occurredAt)
    implements DomainEvent {

  public static final String TYPE = "conversation.created";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }
}
