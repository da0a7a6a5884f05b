package io.deskbridge.core.event;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Visibility;
import java.time.Instant;

/**
 * A timeline entry was added. {@code visibility} INTERNAL means an internal note: a module must not
 * pass its text anywhere a customer can read it, and most modules should ignore such events unless
 * their configuration explicitly asks for them.
 */
public record MessageAdded(long tenantId, long conversationId, long messageId, Visibility visibility,
    AuthorType authorType, Long authorAgentId, String text, Instant occurredAt) implements DomainEvent {

  public static final String TYPE = "message.created";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }

  public boolean isInternal() {
    return visibility == Visibility.INTERNAL;
  }
}
