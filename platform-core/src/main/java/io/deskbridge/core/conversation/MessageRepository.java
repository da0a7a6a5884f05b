package io.deskbridge.core.conversation;

import io.deskbridge.core.shared.KeysetCursor;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface MessageRepository {

  /** Stores the entry and flushes, so a duplicate external id fails here, inside the transaction. */
  void add(Message message);

  Optional<PublicMessage> findInbound(TenantId tenant, String channel, String externalId);

  /** A conversation's public message with this external id, whatever its channel. */
  Optional<PublicMessage> findByExternalId(TenantId tenant, long conversationId, String externalId);

  /** Staff view: public messages and internal notes, oldest first. */
  Page<Message> timeline(TenantId tenant, long conversationId, String cursor, int limit);

  /** Customer view: typed to public messages, so an internal note cannot be among them. */
  Page<PublicMessage> transcript(TenantId tenant, long conversationId, String cursor, int limit);

  /**
   * Customer view across all of one customer's conversations, oldest first, after {@code after}
   * (null: from the start): what a customer reading their own chat history may see. Typed to public
   * messages like {@link #transcript}, and filtered in the query, so a note never leaves the database.
   */
  List<PublicMessage> customerTranscript(TenantId tenant, long customerId, KeysetCursor after, int limit);

  /**
   * When the customer wrote and when agents replied publicly, oldest first: the SLA timers' input.
   * System notices (the "still relevant?" prompt, automatic replies) are not agent replies.
   */
  List<java.time.Instant> publicMessageTimes(TenantId tenant, long conversationId, AuthorType author);

  /** {@link #publicMessageTimes} of customers and agents in several of the tenant's conversations at once. */
  List<MessageTime> publicMessageTimes(TenantId tenant, Collection<Long> conversationIds);

  /** The latest public reply by an agent, for the hold-keyword check of the auto-close. */
  Optional<PublicMessage> lastAgentReply(TenantId tenant, long conversationId);

  void add(Attachment attachment);

  List<Attachment> attachmentsOf(TenantId tenant, Collection<Long> messageIds);

  /** The attachment, if it belongs to an entry of that conversation. */
  Optional<Attachment> findAttachment(TenantId tenant, long conversationId, long id);

  /** The attachment, if it belongs to a public message of that conversation (never to an internal note). */
  Optional<Attachment> findPublicAttachment(TenantId tenant, long conversationId, long id);

  /**
   * The attachment, if it belongs to a public message of any of that customer's conversations: what a
   * customer reading their own chat may download. Never an internal note's file, never another customer's.
   */
  Optional<Attachment> findCustomerAttachment(TenantId tenant, long customerId, long id);
}
