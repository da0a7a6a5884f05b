package io.deskbridge.core.conversation;

import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.reply.SavedReplyRepository;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes to and reads a conversation's timeline. Replies and internal notes are separate methods
 * returning separate types: a caller that wanted a note can never get back something sendable.
 */
@ApplicationScoped
@Transactional
public class TimelineService {

  public static final int MAX_TEXT = 65536;

  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final Attachments attachments;
  private final Outbox outbox;
  private final SavedReplyRepository savedReplies;
  private final Clock clock;

  @Inject
  public TimelineService(ConversationRepository conversations, MessageRepository messages,
      Attachments attachments, Outbox outbox, SavedReplyRepository savedReplies, Clock clock) {
    this.savedReplies = savedReplies;
    this.conversations = conversations;
    this.messages = messages;
    this.attachments = attachments;
    this.outbox = outbox;
    this.clock = clock;
  }

  protected TimelineService() {
    this(null, null, null, null, null, null);
  }

  /** A reply the customer will see. Without an agent (an integration key) it is a system notice. */
  public PublicMessage reply(TenantId tenant, long conversationId, Long agentId, String text,
      List<NewAttachment> files) {
    return reply(tenant, conversationId, agentId, text, files, null);
  }

  /**
   * A reply written from the saved reply {@code savedReplyId} (null: typed by hand); a saved reply
   * marked hold keeps the conversation from closing for silence (handbook 001).
   */
  public PublicMessage reply(TenantId tenant, long conversationId, Long agentId, String text,
      List<NewAttachment> files, Long savedReplyId) {
    boolean hold = savedReplyId != null && savedReplies.findById(tenant, savedReplyId)
        .orElseThrow(() -> new NotFoundException("Saved reply", savedReplyId))
        .isHold();
    return send(tenant, conversationId, agentId, text, files, hold);
  }

  /**
   * A reply that asks the customer to wait, such as a transfer's "your request is passed on": like a
   * saved reply marked hold, it keeps the conversation from closing for the customer's silence.
   */
  public PublicMessage holdingReply(TenantId tenant, long conversationId, Long agentId, String text) {
    return send(tenant, conversationId, agentId, text, List.of(), true);
  }

  private PublicMessage send(TenantId tenant, long conversationId, Long agentId, String text,
      List<NewAttachment> files, boolean hold) {
    validate(tenant, text, files);
    Conversation conversation = conversation(tenant, conversationId);
    Instant now = clock.instant();
    conversation.recordAgentReply(now, hold);
    PublicMessage reply = agentId == null
        ? PublicMessage.systemNotice(conversation, text, now)
        : PublicMessage.agentReply(conversation, agentId, text, now);
    messages.add(reply);
    attachments.attach(reply, files);
    announce(reply);
    return reply;
  }

  /**
   * A reply written outside Deskbridge by {@code authorName} (an amoCRM manager), brought in by the
   * module {@code origin}. Stored once per vendor message id: a redelivery returns the first copy.
   * It counts as the team's answer (SLA, auto-close) like an agent's reply.
   */
  public PublicMessage externalReply(TenantId tenant, long conversationId, String origin, String vendorMessageId,
      String authorName, String text) {
    validate(tenant, text, List.of());
    Conversation conversation = conversation(tenant, conversationId);
    Optional<PublicMessage> earlier = messages.findByExternalId(tenant, conversationId,
        PublicMessage.externalReplyId(origin, vendorMessageId));
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Instant now = clock.instant();
    conversation.recordAgentReply(now, false);
    PublicMessage reply = PublicMessage.externalReply(conversation, origin, vendorMessageId, authorName, text, now);
    messages.add(reply);
    announce(reply);
    return reply;
  }

  public InternalNote addInternalNote(TenantId tenant, long conversationId, Long agentId, String text,
      List<NewAttachment> files) {
    validate(tenant, text, files);
    Conversation conversation = conversation(tenant, conversationId);
    Instant now = clock.instant();
    conversation.recordInternalNote(now);
    InternalNote note = agentId == null
        ? InternalNote.bySystem(conversation, text, now)
        : InternalNote.byAgent(conversation, agentId, text, now);
    messages.add(note);
    attachments.attach(note, files);
    announce(note);
    return note;
  }

  public Page<Message> timeline(TenantId tenant, long conversationId, String cursor, int limit) {
    conversation(tenant, conversationId);
    return messages.timeline(tenant, conversationId, cursor, limit);
  }

  public Page<PublicMessage> transcript(TenantId tenant, long conversationId, String cursor, int limit) {
    conversation(tenant, conversationId);
    return messages.transcript(tenant, conversationId, cursor, limit);
  }

  public List<Attachment> attachmentsOf(TenantId tenant, List<Long> messageIds) {
    return messageIds.isEmpty() ? List.of() : messages.attachmentsOf(tenant, messageIds);
  }

  private void announce(Message message) {
    outbox.publish(new MessageAdded(message.tenantId().value(), message.conversationId(), message.id(),
        message.visibility(), message.authorType(), message.authorAgentId().orElse(null), message.text(),
        message.createdAt(), message.origin().orElse(null), message.authorName().orElse(null)));
  }

  private void validate(TenantId tenant, String text, List<NewAttachment> files) {
    new Validation()
        .check((text != null && !text.isBlank()) || !files.isEmpty(), "text",
            "is required unless attachments are sent")
        .maxLength("text", text, MAX_TEXT)
        .orThrow();
    attachments.validate(tenant, files);
  }

  private Conversation conversation(TenantId tenant, long id) {
    return conversations.findById(tenant, id).orElseThrow(() -> new NotFoundException("Conversation", id));
  }
}
