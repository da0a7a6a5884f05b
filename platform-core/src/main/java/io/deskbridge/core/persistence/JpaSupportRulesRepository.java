package io.deskbridge.core.persistence;

import io.deskbridge.core.rules.SupportRules;
import io.deskbridge.core.rules.SupportRulesRepository;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaSupportRulesRepository implements SupportRulesRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<SupportRules> find(TenantId tenant) {
    return Optional.ofNullable(em.find(SupportRules.class, tenant.value()));
  }

  @Override
  public Optional<SupportRules> findForChange(TenantId tenant) {
    em.find(Tenant.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
    return find(tenant);
  }

  @Override
  public void add(SupportRules rules) {
    em.persist(rules);
  }
}
