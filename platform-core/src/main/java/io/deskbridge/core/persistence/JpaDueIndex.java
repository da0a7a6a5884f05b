package io.deskbridge.core.persistence;

import static io.deskbridge.core.persistence.NativeValues.instant;
import static io.deskbridge.core.persistence.NativeValues.number;
import static io.deskbridge.core.persistence.NativeValues.utc;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.sla.SlaTarget;
import io.deskbridge.core.sweep.DueIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

@ApplicationScoped
public class JpaDueIndex implements DueIndex {

  /**
   * Ids per native query: EclipseLink matches each positional parameter against all the others, so
   * a statement's cost grows with the square of its parameters.
   */
  private static final int IDS_PER_STATEMENT = 100;

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
  public List<Conversation> lockDue(Collection<Long> ids, Instant now) {
    if (ids.isEmpty()) {
      return List.of();
    }
    // Native, because JPA cannot say SKIP LOCKED; the entities are then read under the locks held.
    List<Long> locked = new ArrayList<>();
    for (List<Long> part : parts(new ArrayList<>(ids))) {
      Query lock = em.createNativeQuery("select id from conversation where id in (" + marks(part.size())
          + ") and next_check_at <= ? order by id for update skip locked");
      int p = bindAll(lock, 1, part);
      lock.setParameter(p, utc(now));
      ((List<?>) lock.getResultList()).stream().map(NativeValues::number).forEach(locked::add);
    }
    if (locked.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select c from Conversation c where c.id in :ids order by c.id", Conversation.class)
        .setParameter("ids", locked)
        // The status history is the SLA timeline's input: one query for the batch, not one each.
        .setHint("eclipselink.batch.type", "IN")
        .setHint("eclipselink.batch", "c.statusHistory")
        .getResultList();
  }

  @Override
  public void reschedule(long id, Instant next) {
    reschedule(List.of(new NextCheck(id, next)));
  }

  @Override
  public void reschedule(List<NextCheck> next) {
    // Not JPQL: a bulk update of a versioned entity would count as a new version, and an agent's
    // next change would then fail as if a colleague had made one.
    batch("update conversation set next_check_at = ? where id = ?", next, (statement, move) -> {
      if (move.at() == null) {
        statement.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
      } else {
        statement.setObject(1, utc(move.at()));
      }
      statement.setLong(2, move.conversationId());
    });
  }

  @Override
  public Map<Long, Set<Alert>> alertsSent(Collection<Long> conversationIds) {
    Map<Long, Set<Alert>> sent = new HashMap<>();
    conversationIds.forEach(id -> sent.put(id, new HashSet<>()));
    for (List<Long> part : parts(new ArrayList<>(conversationIds))) {
      Query query = em.createNativeQuery("select conversation_id, target, started_at, kind from sla_alert"
          + " where conversation_id in (" + marks(part.size()) + ")");
      bindAll(query, 1, part);
      for (Object row : query.getResultList()) {
        Object[] columns = (Object[]) row;
        sent.get(number(columns[0])).add(new Alert(SlaTarget.valueOf((String) columns[1]), instant(columns[2]),
            Alert.Kind.valueOf((String) columns[3])));
      }
    }
    return sent;
  }

  @Override
  public void recordAlerts(List<SentAlert> alerts, Instant at) {
    batch("insert into sla_alert (conversation_id, target, started_at, kind, fired_at) values (?, ?, ?, ?, ?)",
        alerts, (statement, sent) -> {
          statement.setLong(1, sent.conversationId());
          statement.setString(2, sent.alert().target().name());
          statement.setObject(3, utc(sent.alert().startedAt()));
          statement.setString(4, sent.alert().kind().name());
          statement.setObject(5, utc(at));
        });
  }

  /**
   * One JDBC batch on the transaction's own connection: a single round trip for all rows. Not a
   * native query with a row's parameters repeated: EclipseLink matches each of those parameters
   * against all the others, which made 200 alerts cost 30 ms.
   */
  private <T> void batch(String sql, List<T> rows, RowBinder<T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("Sweep bookkeeping failed: " + sql, e);
    }
  }

  @FunctionalInterface
  private interface RowBinder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  private static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /** Binds the values from position {@code first}; returns the next free position. */
  private static int bindAll(Query query, int first, List<?> values) {
    int p = first;
    for (Object value : values) {
      query.setParameter(p++, Objects.requireNonNull(value));
    }
    return p;
  }

  private static <T> List<List<T>> parts(List<T> items) {
    List<List<T>> parts = new ArrayList<>();
    for (int from = 0; from < items.size(); from += IDS_PER_STATEMENT) {
      parts.add(items.subList(from, Math.min(items.size(), from + IDS_PER_STATEMENT)));
    }
    return parts;
  }
}
