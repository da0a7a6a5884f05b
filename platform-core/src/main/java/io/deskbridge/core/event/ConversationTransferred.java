package io.deskbridge.core.event;

import java.time.Instant;

/** A conversation moved to another department's queue. */
public record ConversationTransferred(long tenantId, long conversationId, long departmentId, Instant occurredAt)
    implements DomainEvent {

  public static final String TYPE = "conversation.transferred";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }
}
