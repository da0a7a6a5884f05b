package io.deskbridge.core.persistence;

import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<Tenant> findBySlug(String slug) {
    return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Tenant> findById(TenantId id) {
    return Optional.ofNullable(em.find(Tenant.class, id.value()));
  }

  @Override
  public boolean slugTaken(String slug) {
    return findBySlug(slug).isPresent();
  }

  @Override
  public List<Tenant> list() {
    return em.createQuery("select t from Tenant t order by t.slug", Tenant.class).getResultList();
  }

  @Override
  public void add(Tenant tenant) {
    em.persist(tenant);
    em.flush();
  }
}
