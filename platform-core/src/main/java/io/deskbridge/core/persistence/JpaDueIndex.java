package io.deskbridge.core.persistence;

import static io.deskbridge.core.persistence.NativeValues.instant;
import static io.deskbridge.core.persistence.NativeValues.utc;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.sla.SlaTarget;
import io.deskbridge.core.sweep.DueIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaDueIndex implements DueIndex {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public List<Long> due(Instant now, int limit) {
    return em.createQuery("select c.id from Conversation c where c.nextCheckAt <= :now order by c.nextCheckAt",
            Long.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Optional<Conversation> lockIfDue(long id, Instant now) {
    Conversation conversation = em.find(Conversation.class, id, LockModeType.PESSIMISTIC_WRITE);
    return Optional.ofNullable(conversation)
        .filter(c -> c.nextCheckAt().filter(at -> !at.isAfter(now)).isPresent());
  }

  @Override
  public void reschedule(long id, Instant next) {
    // Native, because a JPQL bulk update of a versioned entity would count as a new version, and
    // an agent's next change would then fail as if a colleague had made one. No null parameter: it
    // is bound as VARCHAR, which PostgreSQL refuses for a timestamp column.
    if (next == null) {
      em.createNativeQuery("update conversation set next_check_at = null where id = ?")
          .setParameter(1, id)
          .executeUpdate();
      return;
    }
    em.createNativeQuery("update conversation set next_check_at = ? where id = ?")
        .setParameter(1, utc(next))
        .setParameter(2, id)
        .executeUpdate();
  }

  @Override
  public Set<Alert> alertsSent(long conversationId) {
    List<Object[]> rows = em.createNativeQuery(
            "select target, started_at, kind from sla_alert where conversation_id = ?")
        .setParameter(1, conversationId)
        .getResultList();
    return rows.stream()
        .map(row -> new Alert(SlaTarget.valueOf((String) row[0]), instant(row[1]), Alert.Kind.valueOf((String) row[2])))
        .collect(Collectors.toSet());
  }

  @Override
  public void recordAlert(long conversationId, Alert alert, Instant at) {
    em.createNativeQuery("insert into sla_alert (conversation_id, target, started_at, kind, fired_at)"
            + " values (?, ?, ?, ?, ?)")
        .setParameter(1, conversationId)
        .setParameter(2, alert.target().name())
        .setParameter(3, utc(alert.startedAt()))
        .setParameter(4, alert.kind().name())
        .setParameter(5, utc(at))
        .executeUpdate();
  }
}
