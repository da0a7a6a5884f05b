package io.deskbridge.core.persistence;

import io.deskbridge.core.conversation.Attachment;
import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.MessageRepository;
import io.deskbridge.core.conversation.MessageTime;
import io.deskbridge.core.conversation.PublicMessage;
import io.deskbridge.core.shared.KeysetCursor;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Timelines read oldest first, keyset-paginated on (created_at, id). */
@ApplicationScoped
public class JpaMessageRepository implements MessageRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public void add(Message message) {
    em.persist(message);
    em.flush();
  }

  @Override
  public Optional<PublicMessage> findInbound(TenantId tenant, String channel, String externalId) {
    return em.createQuery("select m from PublicMessage m where m.tenantId = :t and m.channel = :ch"
            + " and m.externalId = :x", PublicMessage.class)
        .setParameter("t", tenant.value())
        .setParameter("ch", channel)
        .setParameter("x", externalId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<PublicMessage> findByExternalId(TenantId tenant, long conversationId, String externalId) {
    return em.createQuery("select m from PublicMessage m where m.tenantId = :t and m.conversationId = :c"
            + " and m.externalId = :x", PublicMessage.class)
        .setParameter("t", tenant.value())
        .setParameter("c", conversationId)
        .setParameter("x", externalId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Page<Message> timeline(TenantId tenant, long conversationId, String cursor, int limit) {
    return page(Message.class, tenant, conversationId, cursor, limit);
  }

  @Override
  public Page<PublicMessage> transcript(TenantId tenant, long conversationId, String cursor, int limit) {
    return page(PublicMessage.class, tenant, conversationId, cursor, limit);
  }

  @Override
  public List<PublicMessage> customerTranscript(TenantId tenant, long customerId, KeysetCursor after, int limit) {
    TypedQuery<PublicMessage> query = em.createQuery("select m from PublicMessage m where m.tenantId = :t"
            + " and m.conversationId in (select c.id from Conversation c where c.tenantId = :t"
            + " and c.customerId = :cu)"
            + (after == null ? "" : " and (m.createdAt > :afterAt or (m.createdAt = :afterAt and m.id > :afterId))")
            + " order by m.createdAt, m.id", PublicMessage.class)
        .setParameter("t", tenant.value())
        .setParameter("cu", customerId);
    if (after != null) {
      query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
    }
    return query.setMaxResults(limit).getResultList();
  }

  private <M extends Message> Page<M> page(Class<M> type, TenantId tenant, long conversationId,
      String cursor, int limit) {
    String jpql = "select m from " + type.getSimpleName() + " m where m.tenantId = :t"
        + " and m.conversationId = :c"
        + (cursor == null ? "" : " and (m.createdAt > :afterAt or (m.createdAt = :afterAt and m.id > :afterId))")
        + " order by m.createdAt, m.id";
    TypedQuery<M> query = em.createQuery(jpql, type)
        .setParameter("t", tenant.value())
        .setParameter("c", conversationId);
    if (cursor != null) {
      KeysetCursor after = KeysetCursor.decode(cursor);
      query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
    }
    return Page.fromOverfetch(query.setMaxResults(limit + 1).getResultList(), limit,
        last -> new KeysetCursor(last.createdAt(), last.id()).encode());
  }

  @Override
  public List<java.time.Instant> publicMessageTimes(TenantId tenant, long conversationId, AuthorType author) {
    return em.createQuery("select m.createdAt from PublicMessage m where m.tenantId = :t"
            + " and m.conversationId = :c and m.authorType = :a order by m.createdAt", java.time.Instant.class)
        .setParameter("t", tenant.value())
        .setParameter("c", conversationId)
        .setParameter("a", author)
        .getResultList();
  }

  @Override
  public List<MessageTime> publicMessageTimes(TenantId tenant, Collection<Long> conversationIds) {
    if (conversationIds.isEmpty()) {
      return List.of();
    }
    List<Object[]> rows = em.createQuery("select m.conversationId, m.authorType, m.createdAt from PublicMessage m"
            + " where m.tenantId = :t and m.conversationId in :c and m.authorType in :a order by m.createdAt",
            Object[].class)
        .setParameter("t", tenant.value())
        .setParameter("c", List.copyOf(conversationIds))
        .setParameter("a", List.of(AuthorType.CUSTOMER, AuthorType.AGENT))
        .getResultList();
    return rows.stream()
        .map(row -> new MessageTime(((Number) row[0]).longValue(), (AuthorType) row[1], (java.time.Instant) row[2]))
        .toList();
  }

  @Override
  public Optional<PublicMessage> lastAgentReply(TenantId tenant, long conversationId) {
    return em.createQuery("select m from PublicMessage m where m.tenantId = :t and m.conversationId = :c"
            + " and m.authorType = :a order by m.createdAt desc, m.id desc", PublicMessage.class)
        .setParameter("t", tenant.value())
        .setParameter("c", conversationId)
        .setParameter("a", AuthorType.AGENT)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Attachment attachment) {
    em.persist(attachment);
  }

  @Override
  public List<Attachment> attachmentsOf(TenantId tenant, Collection<Long> messageIds) {
    return em.createQuery("select a from Attachment a where a.tenantId = :t and a.messageId in :ids"
            + " order by a.id", Attachment.class)
        .setParameter("t", tenant.value())
        .setParameter("ids", List.copyOf(messageIds))
        .getResultList();
  }

  @Override
  public Optional<Attachment> findAttachment(TenantId tenant, long conversationId, long id) {
    return attachmentOf("Message", tenant, conversationId, id);
  }

  @Override
  public Optional<Attachment> findPublicAttachment(TenantId tenant, long conversationId, long id) {
    return attachmentOf("PublicMessage", tenant, conversationId, id);
  }

  /** The attachment, when it belongs to a message of that kind ("Message": any) in the conversation. */
  private Optional<Attachment> attachmentOf(String messageEntity, TenantId tenant, long conversationId, long id) {
    return em.createQuery("select a from Attachment a, " + messageEntity + " m where a.id = :id and a.tenantId = :t"
            + " and m.id = a.messageId and m.conversationId = :c", Attachment.class)
        .setParameter("id", id)
        .setParameter("t", tenant.value())
        .setParameter("c", conversationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Attachment> findCustomerAttachment(TenantId tenant, long customerId, long id) {
    return em.createQuery("select a from Attachment a, PublicMessage m, Conversation c where a.id = :id"
            + " and a.tenantId = :t and m.id = a.messageId and m.tenantId = :t and c.id = m.conversationId"
            + " and c.tenantId = :t and c.customerId = :cu", Attachment.class)
        .setParameter("id", id)
        .setParameter("t", tenant.value())
        .setParameter("cu", customerId)
        .getResultStream()
        .findFirst();
  }
}
