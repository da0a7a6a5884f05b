package io.deskbridge.core.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Optional;

/**
 * A message the customer sees: what they wrote, an agent's reply, or a system line such as "your
 * request is passed on". The only timeline entry a customer-facing channel may carry.
 */
@Entity
@DiscriminatorValue("PUBLIC")
public non-sealed class PublicMessage extends Message {

  @Column(length = 30)
  private String channel;

  @Column(name = "external_id", length = 200)
  private String externalId;

  protected PublicMessage() {}

  private PublicMessage(Conversation conversation, AuthorType author, Long agentId, String text,
      String channel, String externalId, Instant at) {
    super(conversation, author, agentId, text, at);
    this.channel = channel;
    this.externalId = externalId;
  }

  /** What the customer wrote, as the channel delivered it; the external id makes redelivery safe. */
  public static PublicMessage fromCustomer(
      Conversation conversation, String text, String externalId, Instant at) {
    return new PublicMessage(conversation, AuthorType.CUSTOMER, null, text,
        conversation.channel(), externalId, at);
  }

  public static PublicMessage agentReply(Conversation conversation, long agentId, String text, Instant at) {
    return new PublicMessage(conversation, AuthorType.AGENT, agentId, text, conversation.channel(), null, at);
  }

  /**
   * A reply to the customer written outside Deskbridge, e.g. by an amoCRM manager in amoCRM's chat
   * inbox, brought in by the module {@code origin}. The vendor's message id, qualified by the module,
   * is its external id, so a redelivered reply is stored once.
   */
  public static PublicMessage externalReply(Conversation conversation, String origin, String vendorMessageId,
      String authorName, String text, Instant at) {
    PublicMessage reply = new PublicMessage(conversation, AuthorType.AGENT, null, text, conversation.channel(),
        externalReplyId(origin, vendorMessageId), at);
    reply.cameFrom(origin, authorName);
    return reply;
  }

  static String externalReplyId(String origin, String vendorMessageId) {
    return origin + ":" + vendorMessageId;
  }

  public static PublicMessage systemNotice(Conversation conversation, String text, Instant at) {
    return new PublicMessage(conversation, AuthorType.SYSTEM, null, text, conversation.channel(), null, at);
  }

  @Override
  public Visibility visibility() {
    return Visibility.PUBLIC;
  }

  public String channel() {
    return channel;
  }

  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }
}
