package io.deskbridge.core.persistence;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.agent.Availability;
import io.deskbridge.core.assignment.AgentRoster;
import io.deskbridge.core.assignment.Candidate;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the roster as columns, not as {@link Agent} entities: an entity already loaded in the
 * transaction would hide what another transaction committed since, and round-robin needs the latest.
 */
@ApplicationScoped
public class JpaAgentRoster implements AgentRoster {

  private static final String ON_DUTY =
      " where a.tenantId = :t and a.active = true and a.availability = :online";

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public List<Candidate> onDuty(TenantId tenant) {
    Map<Long, Set<Long>> departments = new HashMap<>();
    em.createQuery("select a.id, d from Agent a join a.departmentIds d" + ON_DUTY, Object[].class)
        .setParameter("t", tenant.value())
        .setParameter("online", Availability.ONLINE)
        .getResultList()
        .forEach(row -> departments.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((Long) row[1]));
    return em.createQuery("select a.id, a.lastAssignedAt from Agent a" + ON_DUTY, Object[].class)
        .setParameter("t", tenant.value())
        .setParameter("online", Availability.ONLINE)
        .getResultList()
        .stream()
        .map(row -> new Candidate((Long) row[0], true, true, departments.getOrDefault((Long) row[0], Set.of()),
            (Instant) row[1]))
        .toList();
  }

  @Override
  public boolean claim(TenantId tenant, Candidate candidate, Instant at) {
    Query claim = em.createQuery("update Agent a set a.lastAssignedAt = :at" + ON_DUTY + " and a.id = :id and "
        + (candidate.lastAssignedAt() == null ? "a.lastAssignedAt is null" : "a.lastAssignedAt = :seen"))
        .setParameter("at", at)
        .setParameter("t", tenant.value())
        .setParameter("online", Availability.ONLINE)
        .setParameter("id", candidate.agentId());
    if (candidate.lastAssignedAt() != null) {
      claim.setParameter("seen", candidate.lastAssignedAt());
    }
    return claim.executeUpdate() == 1;
  }
}
