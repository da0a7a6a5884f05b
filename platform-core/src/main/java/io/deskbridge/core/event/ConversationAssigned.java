package io.deskbridge.core.event;

import java.time.Instant;

/** A conversation was assigned (agentId) or put back in the queue (null). */
public record ConversationAssigned(long tenantId, long conversationId, Long agentId, Instant occurredAt)
    implements DomainEvent {

  public static final String TYPE = "conversation.assigned";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }
}
