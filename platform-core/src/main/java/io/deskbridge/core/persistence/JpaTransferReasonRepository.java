package io.deskbridge.core.persistence;

import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.transfer.TransferReason;
import io.deskbridge.core.transfer.TransferReasonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTransferReasonRepository implements TransferReasonRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<TransferReason> findById(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(TransferReason.class, id)).filter(r -> r.tenantId().equals(tenant));
  }

  @Override
  public Optional<TransferReason> findByName(TenantId tenant, String name) {
    return em.createQuery("select r from TransferReason r where r.tenantId = :t and lower(r.name) = lower(:n)",
            TransferReason.class)
        .setParameter("t", tenant.value())
        .setParameter("n", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<TransferReason> list(TenantId tenant, boolean includeArchived) {
    return em.createQuery("select r from TransferReason r where r.tenantId = :t"
            + (includeArchived ? "" : " and r.archived = false") + " order by r.name", TransferReason.class)
        .setParameter("t", tenant.value())
        .getResultList();
  }

  @Override
  public boolean inUse(TenantId tenant, long id) {
    return !em.createQuery(
            "select c.id from Conversation c where c.tenantId = :t and c.transferReasonId = :r", Long.class)
        .setParameter("t", tenant.value())
        .setParameter("r", id)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void add(TransferReason reason) {
    em.persist(reason);
  }

  @Override
  public void remove(TransferReason reason) {
    em.remove(reason);
  }
}
