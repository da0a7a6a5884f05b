package io.deskbridge.core.persistence;

import io.deskbridge.core.category.Category;
import io.deskbridge.core.category.CategoryRepository;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCategoryRepository implements CategoryRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<Category> findById(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(Category.class, id)).filter(c -> c.tenantId().equals(tenant));
  }

  @Override
  public Optional<Category> findByName(TenantId tenant, String name) {
    return em.createQuery(
            "select c from Category c where c.tenantId = :t and lower(c.name) = lower(:n)", Category.class)
        .setParameter("t", tenant.value())
        .setParameter("n", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Category> list(TenantId tenant, boolean includeArchived) {
    String jpql = "select c from Category c where c.tenantId = :t"
        + (includeArchived ? "" : " and c.archived = false")
        + " order by c.name";
    return em.createQuery(jpql, Category.class).setParameter("t", tenant.value()).getResultList();
  }

  @Override
  public void add(Category category) {
    em.persist(category);
  }
}
