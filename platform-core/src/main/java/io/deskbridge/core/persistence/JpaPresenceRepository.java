package io.deskbridge.core.persistence;

import static io.deskbridge.core.persistence.NativeValues.instant;
import static io.deskbridge.core.persistence.NativeValues.number;
import static io.deskbridge.core.persistence.NativeValues.utc;

import io.deskbridge.core.presence.ChangedConversation;
import io.deskbridge.core.presence.NewMessage;
import io.deskbridge.core.presence.PresenceRepository;
import io.deskbridge.core.presence.Typing;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Native queries: the live feed reads narrow rows every second and needs no entities for it. */
@ApplicationScoped
public class JpaPresenceRepository implements PresenceRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public void typing(TenantId tenant, long conversationId, long agentId, Instant until) {
    int updated = em.createNativeQuery("update agent_typing set until_at = ? where conversation_id = ? and agent_id = ?")
        .setParameter(1, utc(until))
        .setParameter(2, conversationId)
        .setParameter(3, agentId)
        .executeUpdate();
    if (updated == 0) {
      // A new row: this agent's rows of other conversations have long expired; keep them from piling up.
      em.createNativeQuery("delete from agent_typing where agent_id = ? and until_at < ?")
          .setParameter(1, agentId)
          .setParameter(2, utc(until.minusSeconds(3600)))
          .executeUpdate();
      em.createNativeQuery("insert into agent_typing (tenant_id, conversation_id, agent_id, until_at) values (?, ?, ?, ?)")
          .setParameter(1, tenant.value())
          .setParameter(2, conversationId)
          .setParameter(3, agentId)
          .setParameter(4, utc(until))
          .executeUpdate();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Typing> typingAt(TenantId tenant, Instant now) {
    List<Object[]> rows = em.createNativeQuery("select t.conversation_id, t.agent_id, a.name, t.until_at"
            + " from agent_typing t join agent a on a.id = t.agent_id where t.tenant_id = ? and t.until_at > ?"
            + " order by t.conversation_id, t.agent_id")
        .setParameter(1, tenant.value())
        .setParameter(2, utc(now))
        .getResultList();
    return rows.stream().map(r -> new Typing(number(r[0]), number(r[1]), (String) r[2], instant(r[3]))).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<ChangedConversation> conversationsChangedSince(TenantId tenant, Instant since) {
    List<Object[]> rows = em.createNativeQuery("select id, version, updated_at from conversation"
            + " where tenant_id = ? and updated_at > ? order by updated_at, id")
        .setParameter(1, tenant.value())
        .setParameter(2, utc(since))
        .setMaxResults(500)
        .getResultList();
    return rows.stream().map(r -> new ChangedConversation(number(r[0]), number(r[1]), instant(r[2]))).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<NewMessage> messagesSince(TenantId tenant, Instant since) {
    List<Object[]> rows = em.createNativeQuery("select id, conversation_id, visibility, author_type,"
            + " author_agent_id, created_at from message where tenant_id = ? and created_at > ? order by created_at, id")
        .setParameter(1, tenant.value())
        .setParameter(2, utc(since))
        .setMaxResults(500)
        .getResultList();
    return rows.stream().map(r -> new NewMessage(number(r[0]), number(r[1]), (String) r[2], (String) r[3],
        r[4] == null ? null : number(r[4]), instant(r[5]))).toList();
  }
}
