package io.deskbridge.core.persistence;

import io.deskbridge.core.access.AccessRepository;
import io.deskbridge.core.access.AgentToken;
import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.access.ApiKey;
import io.deskbridge.core.access.PlatformSetting;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAccessRepository implements AccessRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<AgentToken> findAgentToken(String digest) {
    return em.createQuery("select t from AgentToken t where t.digest = :d", AgentToken.class)
        .setParameter("d", digest)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<AgentSession> findAgentSession(String digest) {
    return em.createQuery("select t, a, tn.slug from AgentToken t, Agent a, Tenant tn"
            + " where t.digest = :d and a.id = t.agentId and a.tenantId = t.tenantId and tn.id = t.tenantId",
            Object[].class)
        .setParameter("d", digest)
        .getResultStream()
        .findFirst()
        .map(row -> new AgentSession((AgentToken) row[0], (Agent) row[1], (String) row[2]));
  }

  @Override
  public Optional<TenantKey> findTenantKey(String digest) {
    return em.createQuery("select k, tn.slug from ApiKey k, Tenant tn where k.digest = :d and tn.id = k.tenantId",
            Object[].class)
        .setParameter("d", digest)
        .getResultStream()
        .findFirst()
        .map(row -> new TenantKey((ApiKey) row[0], (String) row[1]));
  }

  @Override
  public void add(AgentToken token) {
    em.persist(token);
  }

  @Override
  public List<AgentToken> validTokensOf(TenantId tenant, long agentId) {
    return em.createQuery(
            "select t from AgentToken t where t.tenantId = :t and t.agentId = :a and t.revokedAt is null",
            AgentToken.class)
        .setParameter("t", tenant.value())
        .setParameter("a", agentId)
        .getResultList();
  }

  @Override
  public Optional<ApiKey> findApiKey(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(ApiKey.class, id)).filter(k -> k.tenantId().equals(tenant));
  }

  @Override
  public List<ApiKey> apiKeys(TenantId tenant) {
    return em.createQuery("select k from ApiKey k where k.tenantId = :t order by k.id", ApiKey.class)
        .setParameter("t", tenant.value())
        .getResultList();
  }

  @Override
  public void add(ApiKey key) {
    em.persist(key);
  }

  @Override
  public Optional<PlatformSetting> setting(String name) {
    return Optional.ofNullable(em.find(PlatformSetting.class, name));
  }

  @Override
  public void add(PlatformSetting setting) {
    em.persist(setting);
  }

  @Override
  public void remove(PlatformSetting setting) {
    em.remove(setting);
    em.flush();
  }
}
