package io.deskbridge.core.conversation;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;

/**
 * A staff-only note inside a conversation's timeline. Handbook 002 records a tool that sent such a
 * note to the customer; here it is a separate type that is not a {@link PublicMessage}, so no
 * customer-facing sender can even be called with it.
 */
@Entity
@DiscriminatorValue("INTERNAL")
public non-sealed class InternalNote extends Message {

  protected InternalNote() {}

  private InternalNote(Conversation conversation, AuthorType author, Long agentId, String text, Instant at) {
    super(conversation, author, agentId, text, at);
  }

  public static InternalNote byAgent(Conversation conversation, long agentId, String text, Instant at) {
    return new InternalNote(conversation, AuthorType.AGENT, agentId, text, at);
  }

  /** Written by the platform or a module (e.g. a Jira comment mirrored back). */
  public static InternalNote bySystem(Conversation conversation, String text, Instant at) {
    return new InternalNote(conversation, AuthorType.SYSTEM, null, text, at);
  }

  @Override
  public Visibility visibility() {
    return Visibility.INTERNAL;
  }
}
