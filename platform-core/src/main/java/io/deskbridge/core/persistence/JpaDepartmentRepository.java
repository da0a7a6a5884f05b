package io.deskbridge.core.persistence;

import io.deskbridge.core.department.Department;
import io.deskbridge.core.department.DepartmentRepository;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDepartmentRepository implements DepartmentRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<Department> findById(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(Department.class, id)).filter(d -> d.tenantId().equals(tenant));
  }

  @Override
  public Optional<Department> findByName(TenantId tenant, String name) {
    return em.createQuery(
            "select d from Department d where d.tenantId = :t and lower(d.name) = lower(:n)", Department.class)
        .setParameter("t", tenant.value())
        .setParameter("n", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Department> list(TenantId tenant) {
    return em.createQuery("select d from Department d where d.tenantId = :t order by d.name", Department.class)
        .setParameter("t", tenant.value())
        .getResultList();
  }

  @Override
  public boolean inUse(TenantId tenant, long id) {
    return !em.createQuery(
            "select c.id from Conversation c where c.tenantId = :t and c.departmentId = :d", Long.class)
        .setParameter("t", tenant.value())
        .setParameter("d", id)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void add(Department department) {
    em.persist(department);
  }

  /** The department's agents leave it: membership is not history worth refusing a delete for. */
  @Override
  public void remove(Department department) {
    em.createNativeQuery("DELETE FROM agent_department WHERE department_id = ?1")
        .setParameter(1, department.id())
        .executeUpdate();
    em.remove(department);
  }
}
