package io.deskbridge.core.persistence;

import io.deskbridge.core.sla.SlaPolicyRepository;
import io.deskbridge.core.sla.TenantSlaPolicy;
import io.deskbridge.core.sla.TenantSupportPlan;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSlaPolicyRepository implements SlaPolicyRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public List<TenantSlaPolicy> policies(TenantId tenant) {
    return em.createQuery("select p from TenantSlaPolicy p where p.tenantId = :t order by p.id", TenantSlaPolicy.class)
        .setParameter("t", tenant.value())
        .getResultList();
  }

  @Override
  public Optional<TenantSlaPolicy> policy(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(TenantSlaPolicy.class, id)).filter(p -> p.tenantId().equals(tenant));
  }

  @Override
  public Optional<TenantSlaPolicy> policyNamed(TenantId tenant, String name) {
    return em.createQuery("select p from TenantSlaPolicy p where p.tenantId = :t and lower(p.name) = lower(:n)",
            TenantSlaPolicy.class)
        .setParameter("t", tenant.value())
        .setParameter("n", name.strip())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<TenantSupportPlan> plans(TenantId tenant) {
    return em.createQuery("select p from TenantSupportPlan p where p.tenantId = :t order by p.id",
            TenantSupportPlan.class)
        .setParameter("t", tenant.value())
        .getResultList();
  }

  @Override
  public Optional<TenantSupportPlan> plan(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(TenantSupportPlan.class, id)).filter(p -> p.tenantId().equals(tenant));
  }

  @Override
  public Optional<TenantSupportPlan> planNamed(TenantId tenant, String name) {
    return em.createQuery("select p from TenantSupportPlan p where p.tenantId = :t and lower(p.name) = lower(:n)",
            TenantSupportPlan.class)
        .setParameter("t", tenant.value())
        .setParameter("n", name.strip())
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean planUses(long policyId) {
    return !em.createQuery("select p.id from TenantSupportPlan p where p.policyId = :p", Long.class)
        .setParameter("p", policyId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void lockTenant(TenantId tenant) {
    em.find(Tenant.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
  }

  @Override
  public void add(TenantSlaPolicy policy) {
    em.persist(policy);
    em.flush();
  }

  @Override
  public void add(TenantSupportPlan plan) {
    em.persist(plan);
    em.flush();
  }

  @Override
  public void remove(TenantSlaPolicy policy) {
    em.remove(policy);
  }

  @Override
  public void remove(TenantSupportPlan plan) {
    em.remove(plan);
  }
}
