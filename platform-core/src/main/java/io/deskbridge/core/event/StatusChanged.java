package io.deskbridge.core.event;

import io.deskbridge.core.conversation.ConversationStatus;
import java.time.Instant;

/** A conversation moved from one status to another (closing and reopening have their own events). */
public record StatusChanged(long tenantId, long conversationId, ConversationStatus from, ConversationStatus to,
    Instant occurredAt) implements DomainEvent {

  public static final String TYPE = "conversation.status_changed";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }
}
