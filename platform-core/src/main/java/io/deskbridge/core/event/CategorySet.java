package io.deskbridge.core.event;

import java.time.Instant;

/** An agent chose the conversation's category. */
public record CategorySet(long tenantId, long conversationId, long categoryId, Instant occurredAt)
    implements DomainEvent {

  public static final String TYPE = "conversation.category_set";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }
}
