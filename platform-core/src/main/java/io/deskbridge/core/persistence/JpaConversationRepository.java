package io.deskbridge.core.persistence;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationFilter;
import io.deskbridge.core.conversation.ConversationRepository;
import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.conversation.InboxOrder;
import io.deskbridge.core.conversation.QueueCursor;
import io.deskbridge.core.customer.CustomerTag;
import io.deskbridge.core.shared.KeysetCursor;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The inbox queries. Lists are keyset-paginated on (updated_at desc, id desc), which the
 * {@code conversation_inbox} index serves directly, so page 1000 costs what page 1 costs; the queue
 * on (our_client desc, priority desc, created_at, id), the {@code conversation_queue} index for one
 * status and {@code conversation_queue_all} for several or none. A page is read in two steps, its
 * ids and then its rows (see {@link #rowsOf}).
 */
@ApplicationScoped
public class JpaConversationRepository implements ConversationRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<Conversation> findById(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(Conversation.class, id)).filter(c -> c.tenantId().equals(tenant));
  }

  @Override
  public Optional<Conversation> findActive(TenantId tenant, long customerId, String channel) {
    return latestOnChannel(tenant, customerId, channel, "c.status <> :closed", "c.updatedAt desc");
  }

  @Override
  public Optional<Conversation> findLatestClosed(TenantId tenant, long customerId, String channel) {
    return latestOnChannel(tenant, customerId, channel, "c.status = :closed", "c.closedAt desc, c.id desc");
  }

  private Optional<Conversation> latestOnChannel(TenantId tenant, long customerId, String channel,
      String statusCondition, String order) {
    return em.createQuery("select c from Conversation c where c.tenantId = :t and c.customerId = :cu"
            + " and c.channel = :ch and " + statusCondition + " order by " + order, Conversation.class)
        .setParameter("t", tenant.value())
        .setParameter("cu", customerId)
        .setParameter("ch", channel)
        .setParameter("closed", ConversationStatus.CLOSED)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Page<Conversation> list(TenantId tenant, ConversationFilter filter) {
    StringBuilder jpql = new StringBuilder("select c.id from Conversation c where c.tenantId = :t");
    Map<String, Object> params = new HashMap<>();
    params.put("t", tenant.value());
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      jpql.append(" and c.status in :statuses");
      params.put("statuses", List.copyOf(filter.statuses()));
    }
    switch (filter.assignee().kind()) {
      case NONE -> jpql.append(" and c.assigneeId is null");
      case AGENT -> {
        jpql.append(" and c.assigneeId = :assignee");
        params.put("assignee", filter.assignee().agentId());
      }
      case ANY -> { }
    }
    if (filter.departmentId() != null) {
      jpql.append(" and c.departmentId = :department");
      params.put("department", filter.departmentId());
    }
    if (filter.categoryId() != null) {
      jpql.append(" and c.categoryId = :category");
      params.put("category", filter.categoryId());
    }
    if (filter.customerId() != null) {
      jpql.append(" and c.customerId = :customer");
      params.put("customer", filter.customerId());
    }
    if (filter.tag() != null && !filter.tag().isBlank()) {
      jpql.append(" and exists (select 1 from Customer cu join cu.tags tg"
          + " where cu.id = c.customerId and cu.tenantId = :t and tg.name = :tag)");
      params.put("tag", CustomerTag.normalize(filter.tag()));
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      jpql.append(" and (lower(c.subject) like :q or exists (select 1 from Customer cu"
          + " where cu.id = c.customerId and cu.tenantId = :t"
          + " and (lower(cu.name) like :q or lower(cu.email) like :q or cu.phone like :q)))");
      params.put("q", "%" + JpaCustomerRepository.escapeLike(filter.text().trim().toLowerCase(Locale.ROOT)) + "%");
    }
    Function<Conversation, String> cursorOf = filter.order() == InboxOrder.QUEUE
        ? inQueueOrder(filter.cursor(), jpql, params)
        : newestUpdatedFirst(filter.cursor(), jpql, params);
    TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
    params.forEach(query::setParameter);
    List<Long> ids = query.setMaxResults(filter.limit() + 1).getResultList();
    return Page.fromOverfetch(rowsOf(tenant, ids), filter.limit(), cursorOf);
  }

  /**
   * The page's rows, in the order of its ids. Choosing the ids first lets PostgreSQL find and sort
   * them within an index (an index-only scan) instead of reading every candidate row from the
   * table; only the rows of the page are read, with their links in one more query, not one per row.
   */
  private List<Conversation> rowsOf(TenantId tenant, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Conversation> byId = new HashMap<>();
    em.createQuery("select c from Conversation c where c.tenantId = :t and c.id in :ids", Conversation.class)
        .setParameter("t", tenant.value())
        .setParameter("ids", ids)
        .setHint("eclipselink.batch", "c.links")
        .setHint("eclipselink.batch.type", "IN")
        .getResultList()
        .forEach(c -> byId.put(c.id(), c));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList(); // deleted meanwhile
  }

  private static Function<Conversation, String> newestUpdatedFirst(String cursor, StringBuilder jpql,
      Map<String, Object> params) {
    if (cursor != null) {
      KeysetCursor after = KeysetCursor.decode(cursor);
      jpql.append(" and (c.updatedAt < :afterAt or (c.updatedAt = :afterAt and c.id < :afterId))");
      params.put("afterAt", after.at());
      params.put("afterId", after.id());
    }
    jpql.append(" order by c.updatedAt desc, c.id desc");
    return last -> new KeysetCursor(last.updatedAt(), last.id()).encode();
  }

  /**
   * The keys run in both directions (our client and priority descending, age and id ascending), so
   * "after the cursor" is spelled out key by key; priorities are compared as a list of the lower
   * ones because the column holds their rank, not the values JPQL sees.
   */
  private static Function<Conversation, String> inQueueOrder(String cursor, StringBuilder jpql,
      Map<String, Object> params) {
    if (cursor != null) {
      QueueCursor after = QueueCursor.decode(cursor);
      String samePriority = "c.priority = :afterPriority and (c.createdAt > :afterAt"
          + " or (c.createdAt = :afterAt and c.id > :afterId))";
      String sameGroup = after.lowerPriorities().isEmpty() ? samePriority
          : "c.priority in :lowerPriorities or (" + samePriority + ")";
      jpql.append(after.ourClient()
          ? " and (c.ourClient = false or (" + sameGroup + "))"
          : " and c.ourClient = false and (" + sameGroup + ")");
      params.put("afterPriority", after.priority());
      params.put("afterAt", after.createdAt());
      params.put("afterId", after.id());
      if (!after.lowerPriorities().isEmpty()) {
        params.put("lowerPriorities", after.lowerPriorities());
      }
    }
    jpql.append(" order by c.ourClient desc, c.priority desc, c.createdAt, c.id");
    return last -> QueueCursor.after(last).encode();
  }

  @Override
  public boolean existForCustomer(TenantId tenant, long customerId) {
    return !em.createQuery("select c.id from Conversation c where c.tenantId = :t and c.customerId = :cu",
            Long.class)
        .setParameter("t", tenant.value())
        .setParameter("cu", customerId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public boolean existForDepartment(TenantId tenant, long departmentId) {
    return !em.createQuery("select c.id from Conversation c where c.tenantId = :t and c.departmentId = :d",
            Long.class)
        .setParameter("t", tenant.value())
        .setParameter("d", departmentId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public long countCreated(TenantId tenant, java.time.Instant from, java.time.Instant to, boolean complaintsOnly) {
    return em.createQuery("select count(c) from Conversation c where c.tenantId = :t and c.createdAt >= :from"
            + " and c.createdAt < :to" + (complaintsOnly ? " and c.complaint = true" : ""), Long.class)
        .setParameter("t", tenant.value())
        .setParameter("from", from)
        .setParameter("to", to)
        .getSingleResult();
  }

  @Override
  public void add(Conversation conversation) {
    em.persist(conversation);
  }

  /**
   * Leaves version and updatedAt alone: the flag moves the conversation in the queue, but it is not
   * an edit an agent's If-Match should trip over, nor activity for the inbox.
   */
  @Override
  public void treatAsOurClient(TenantId tenant, long customerId, boolean ourClient) {
    em.createQuery("update Conversation c set c.ourClient = :flag where c.tenantId = :t"
            + " and c.customerId = :cu and c.status <> :closed")
        .setParameter("flag", ourClient)
        .setParameter("t", tenant.value())
        .setParameter("cu", customerId)
        .setParameter("closed", ConversationStatus.CLOSED)
        .executeUpdate();
  }
}
