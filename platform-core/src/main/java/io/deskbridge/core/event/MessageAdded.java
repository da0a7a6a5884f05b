package io.deskbridge.core.event;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Visibility;
import java.time.Instant;

/**
 * A timeline entry was added. {@code visibility} INTERNAL means an internal note: a module must not
 * pass its text anywhere a customer can read it, and most modules should ignore such events unless
 * their configuration explicitly asks for them.
 *
 * @param origin the module that brought the message in from its vendor (an amoCRM manager's reply),
 *     null for messages written in Deskbridge or received on a channel; that module must not send it
 *     back to where it came from
 * @param authorName the author's name when they are no Deskbridge agent
 */
public record MessageAdded(long tenantId, long conversationId, long messageId, Visibility visibility,
    AuthorType authorType, Long authorAgentId, String text, Instant occurredAt, String origin,
    String authorName) implements DomainEvent {

  public static final String TYPE = "message.created";

  /** A message written in Deskbridge or received on a channel. */
  public MessageAdded(long tenantId, long conversationId, long messageId, Visibility visibility,
      AuthorType authorType, Long authorAgentId, String text, Instant occurredAt) {
    this(tenantId, conversationId, messageId, visibility, authorType, authorAgentId, text, occurredAt, null,
        null);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }

  /** Whether {@code module} brought this message in, so it must not echo it back. */
  public boolean cameFrom(String module) {
    return module.equals(origin);
  }

  public boolean isInternal() {
    return visibility == Visibility.INTERNAL;
  }
}
