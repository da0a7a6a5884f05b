package io.deskbridge.core.persistence;

import static io.deskbridge.core.persistence.NativeValues.utc;

import io.deskbridge.core.outbox.ClaimedJob;
import io.deskbridge.core.outbox.JobState;
import io.deskbridge.core.outbox.OutboxJob;
import io.deskbridge.core.outbox.OutboxRepository;
import io.deskbridge.core.outbox.OutboxRepository.DueHead;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox queries. Claiming is an UPDATE guarded by the PENDING state, so of several workers (on
 * several instances) exactly one wins a job; this works the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public void add(OutboxJob job) {
    em.persist(job);
  }

  @Override
  public Optional<OutboxJob> findById(long id) {
    return Optional.ofNullable(em.find(OutboxJob.class, id));
  }

  @Override
  public Optional<OutboxJob> findById(TenantId tenant, long id) {
    return findById(id).filter(j -> j.tenantId().equals(tenant));
  }

  @Override
  public List<OutboxJob> list(TenantId tenant, JobState state, String moduleId, Long beforeId, int limit) {
    StringBuilder jpql = new StringBuilder("select j from OutboxJob j where j.tenantId = :t");
    if (state != null) jpql.append(" and j.state = :s");
    if (moduleId != null) jpql.append(" and j.moduleId = :m");
    if (beforeId != null) jpql.append(" and j.id < :before");
    jpql.append(" order by j.id desc");
    TypedQuery<OutboxJob> q = em.createQuery(jpql.toString(), OutboxJob.class).setParameter("t", tenant.value());
    if (state != null) q.setParameter("s", state);
    if (moduleId != null) q.setParameter("m", moduleId);
    if (beforeId != null) q.setParameter("before", beforeId);
    return q.setMaxResults(limit).getResultList();
  }

  /**
   * The first unfinished job of each ordering key, when it is pending and due. One pass over the
   * unfinished jobs whatever the statistics say: the anti-join this replaced was planned as a nested
   * loop after a burst had outrun the table's statistics, and took a minute per claim with 19,000 jobs
   * queued (docs/benchmarks.md, cluster).
   */
  @Override
  public List<DueHead> dueHeads(Instant now, int limit) {
    List<?> rows = em.createNativeQuery("select id, tenant_id, module_id from (select j.id, j.tenant_id, j.module_id, j.state, j.next_attempt_at,"
            + " row_number() over (partition by j.tenant_id, j.module_id, j.ordering_key order by j.id) as place"
            + " from outbox_job j where j.state in ('PENDING', 'IN_FLIGHT', 'PAUSED')) heads"
            + " where place = 1 and state = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id")
        .setParameter(1, utc(now))
        .setMaxResults(limit)
        .getResultList();
    return rows.stream().map(r -> (Object[]) r)
        .map(r -> new DueHead(NativeValues.number(r[0]), NativeValues.number(r[1]), (String) r[2])).toList();
  }

  @Override
  public List<Long> dueFollowers(ClaimedJob head, Instant now, int limit) {
    List<Long> due = new ArrayList<>();
    for (Object[] row : em.createQuery("select j.id, j.state, j.nextAttemptAt from OutboxJob j"
            + " where j.tenantId = :t and j.moduleId = :m and j.orderingKey = :k and j.id > :head"
            + " order by j.id", Object[].class)
        .setParameter("t", head.tenantId())
        .setParameter("m", head.moduleId())
        .setParameter("k", head.orderingKey())
        .setParameter("head", head.id())
        .setMaxResults(limit)
        .getResultList()) {
      // Only an unbroken run: a job that is not ready stops the batch, so the order still holds.
      if (row[1] != JobState.PENDING || ((Instant) row[2]).isAfter(now)) {
        break;
      }
      due.add((Long) row[0]);
    }
    return due;
  }

  @Override
  public boolean claim(long id, String owner, Instant leaseUntil) {
    return em.createQuery("update OutboxJob j set j.state = :inFlight, j.leaseOwner = :owner,"
            + " j.leaseUntil = :until where j.id = :id and j.state = :pending")
        .setParameter("inFlight", JobState.IN_FLIGHT)
        .setParameter("owner", owner)
        .setParameter("until", leaseUntil)
        .setParameter("id", id)
        .setParameter("pending", JobState.PENDING)
        .executeUpdate() == 1;
  }

  @Override
  public List<OutboxJob> leasedBy(String owner, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select j from OutboxJob j where j.leaseOwner = :owner and j.id in :ids"
            + " order by j.id", OutboxJob.class)
        .setParameter("owner", owner)
        .setParameter("ids", ids)
        .getResultList();
  }

  @Override
  public int reclaimExpired(Instant now) {
    return em.createQuery("update OutboxJob j set j.state = :pending, j.leaseOwner = null, j.leaseUntil = null"
            + " where j.state = :inFlight and j.leaseUntil < :now")
        .setParameter("pending", JobState.PENDING)
        .setParameter("inFlight", JobState.IN_FLIGHT)
        .setParameter("now", now)
        .executeUpdate();
  }

  @Override
  public int move(TenantId tenant, String moduleId, JobState from, JobState to, Instant now) {
    return em.createQuery("update OutboxJob j set j.state = :to, j.nextAttemptAt = :now"
            + " where j.tenantId = :t and j.moduleId = :m and j.state = :from")
        .setParameter("to", to)
        .setParameter("now", now)
        .setParameter("t", tenant.value())
        .setParameter("m", moduleId)
        .setParameter("from", from)
        .executeUpdate();
  }

  @Override
  public Map<String, Map<JobState, Long>> countsByModule() {
    Map<String, Map<JobState, Long>> counts = new HashMap<>();
    em.createQuery("select j.moduleId, j.state, count(j) from OutboxJob j group by j.moduleId, j.state",
            Object[].class)
        .getResultList()
        .forEach(row -> counts.computeIfAbsent((String) row[0], k -> new HashMap<>())
            .put((JobState) row[1], ((Number) row[2]).longValue()));
    return counts;
  }
}
