package io.deskbridge.core.persistence;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.agent.AgentRepository;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAgentRepository implements AgentRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<Agent> findById(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(Agent.class, id)).filter(a -> a.tenantId().equals(tenant));
  }

  @Override
  public Optional<Agent> findByEmail(TenantId tenant, String email) {
    return em.createQuery("select a from Agent a where a.tenantId = :t and a.email = :e", Agent.class)
        .setParameter("t", tenant.value())
        .setParameter("e", Agent.normalizeEmail(email))
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Agent> list(TenantId tenant) {
    return em.createQuery("select a from Agent a where a.tenantId = :t order by a.name, a.id", Agent.class)
        .setParameter("t", tenant.value())
        .getResultList();
  }

  @Override
  public void add(Agent agent) {
    em.persist(agent);
  }

  @Override
  public void recordAssignment(TenantId tenant, long agentId, Instant at) {
    em.createQuery("update Agent a set a.lastAssignedAt = :at where a.tenantId = :t and a.id = :id")
        .setParameter("at", at)
        .setParameter("t", tenant.value())
        .setParameter("id", agentId)
        .executeUpdate();
  }
}
