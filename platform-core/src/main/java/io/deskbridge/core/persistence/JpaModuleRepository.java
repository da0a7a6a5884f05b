package io.deskbridge.core.persistence;

import io.deskbridge.core.plugin.ModuleChange;
import io.deskbridge.core.plugin.ModuleMapping;
import io.deskbridge.core.plugin.ModuleRepository;
import io.deskbridge.core.plugin.TenantModule;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaModuleRepository implements ModuleRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<TenantModule> find(TenantId tenant, String moduleId) {
    return em.createQuery("select m from TenantModule m where m.tenantId = :t and m.moduleId = :m",
            TenantModule.class)
        .setParameter("t", tenant.value())
        .setParameter("m", moduleId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<TenantModule> all(TenantId tenant) {
    return em.createQuery("select m from TenantModule m where m.tenantId = :t", TenantModule.class)
        .setParameter("t", tenant.value())
        .getResultList();
  }

  @Override
  public List<TenantModule> enabled(TenantId tenant) {
    return em.createQuery("select m from TenantModule m where m.tenantId = :t and m.enabled = true",
            TenantModule.class)
        .setParameter("t", tenant.value())
        .getResultList();
  }

  @Override
  public void add(TenantModule settings) {
    em.persist(settings);
  }

  @Override
  public void add(ModuleChange change) {
    em.persist(change);
  }

  @Override
  public List<ModuleChange> history(TenantId tenant, String moduleId) {
    return em.createQuery("select c from ModuleChange c where c.tenantId = :t and c.moduleId = :m"
            + " order by c.changedAt desc, c.id desc", ModuleChange.class)
        .setParameter("t", tenant.value())
        .setParameter("m", moduleId)
        .setMaxResults(200)
        .getResultList();
  }

  @Override
  public Optional<ModuleMapping> mapping(long tenantId, String moduleId, String localType, String localId) {
    return em.createQuery("select m from ModuleMapping m where m.tenantId = :t and m.moduleId = :m"
            + " and m.localType = :lt and m.localId = :li", ModuleMapping.class)
        .setParameter("t", tenantId)
        .setParameter("m", moduleId)
        .setParameter("lt", localType)
        .setParameter("li", localId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(ModuleMapping mapping) {
    em.persist(mapping);
  }

  @Override
  public void remove(ModuleMapping mapping) {
    em.remove(mapping);
  }

  @Override
  public List<ModuleMapping> recentMappings(long tenantId, String moduleId, String localType, int limit) {
    return em.createQuery("select m from ModuleMapping m where m.tenantId = :t and m.moduleId = :m"
            + " and m.localType = :lt order by m.updatedAt desc, m.id desc", ModuleMapping.class)
        .setParameter("t", tenantId)
        .setParameter("m", moduleId)
        .setParameter("lt", localType)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public int replaceMapping(long tenantId, String moduleId, String localType, String localId, String expected,
      String replacement, java.time.Instant at) {
    return em.createQuery("update ModuleMapping m set m.remoteId = :r, m.updatedAt = :at where m.tenantId = :t"
            + " and m.moduleId = :m and m.localType = :lt and m.localId = :li and m.remoteId = :e")
        .setParameter("r", replacement)
        .setParameter("at", at)
        .setParameter("t", tenantId)
        .setParameter("m", moduleId)
        .setParameter("lt", localType)
        .setParameter("li", localId)
        .setParameter("e", expected)
        .executeUpdate();
  }

  @Override
  public void addNow(ModuleMapping mapping) {
    em.persist(mapping);
    em.flush();
  }
}
