package io.deskbridge.core.event;

import java.time.Instant;

/** A conversation was closed, with the category it was closed under. */
public record ConversationClosed(long tenantId, long conversationId, Long categoryId, Instant occurredAt)
    implements DomainEvent {

  public static final String TYPE = "conversation.closed";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }
}
