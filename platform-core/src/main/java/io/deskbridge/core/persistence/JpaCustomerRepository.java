package io.deskbridge.core.persistence;

import io.deskbridge.core.customer.Customer;
import io.deskbridge.core.customer.CustomerNote;
import io.deskbridge.core.customer.CustomerRepository;
import io.deskbridge.core.customer.CustomerSearch;
import io.deskbridge.core.customer.CustomerTag;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<Customer> findById(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(Customer.class, id)).filter(c -> c.tenantId().equals(tenant));
  }

  @Override
  public Map<Long, String> planNames(TenantId tenant, Collection<Long> customerIds) {
    Map<Long, String> plans = new HashMap<>();
    if (customerIds.isEmpty()) {
      return plans;
    }
    List<Object[]> rows = em.createQuery("select c.id, c.plan from Customer c where c.tenantId = :t"
            + " and c.id in :ids and c.plan is not null", Object[].class)
        .setParameter("t", tenant.value())
        .setParameter("ids", List.copyOf(customerIds))
        .getResultList();
    rows.forEach(row -> plans.put(((Number) row[0]).longValue(), (String) row[1]));
    return plans;
  }

  @Override
  public Optional<Customer> findByIdentity(TenantId tenant, String channel, String externalId) {
    // The identity's own tenant column leads its unique index: without it the lookup walks every
    // customer of the tenant, and each inbound message would cost more as the tenant grows.
    return em.createQuery("select c from Customer c join c.identities i"
            + " where i.tenantId = :t and i.channel = :ch and i.externalId = :x and c.tenantId = :t", Customer.class)
        .setParameter("t", tenant.value())
        .setParameter("ch", channel)
        .setParameter("x", externalId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Customer> findByIdentityForIntake(TenantId tenant, String channel, String externalId) {
    // One statement where a lookup then a lock were two: a returning customer's message is most of
    // what intake does. SQL, because a JPA locking query also reads the customer's tags, attributes
    // and identities again (three more statements); the identity sits in a subquery so that only the
    // customer's row is locked.
    @SuppressWarnings("unchecked")
    List<Customer> found = em.createNativeQuery("select c.* from customer c where c.tenant_id = ?1 and c.id ="
            + " (select i.customer_id from customer_identity i"
            + " where i.tenant_id = ?1 and i.channel = ?2 and i.external_id = ?3) for update", Customer.class)
        .setParameter(1, tenant.value())
        .setParameter(2, channel)
        .setParameter(3, externalId)
        .getResultList();
    return found.stream().findFirst();
  }

  /** Newest customers first; the cursor is the last id seen, since ids only grow. */
  @Override
  public Page<Customer> search(TenantId tenant, CustomerSearch search) {
    StringBuilder jpql = new StringBuilder("select c from Customer c where c.tenantId = :t");
    Map<String, Object> params = new HashMap<>();
    params.put("t", tenant.value());
    if (search.text() != null && !search.text().isBlank()) {
      jpql.append(" and (lower(c.name) like :q or lower(c.email) like :q or c.phone like :q)");
      params.put("q", "%" + escapeLike(search.text().trim().toLowerCase(Locale.ROOT)) + "%");
    }
    if (search.email() != null && !search.email().isBlank()) {
      jpql.append(" and lower(c.email) = :email");
      params.put("email", search.email().trim().toLowerCase(Locale.ROOT));
    }
    if (search.phone() != null && !search.phone().isBlank()) {
      jpql.append(" and c.phone = :phone");
      params.put("phone", search.phone().trim());
    }
    if (search.tag() != null && !search.tag().isBlank()) {
      jpql.append(" and exists (select 1 from Customer c2 join c2.tags tg"
          + " where c2.id = c.id and tg.name = :tag)");
      params.put("tag", CustomerTag.normalize(search.tag()));
    }
    if (search.cursor() != null) {
      jpql.append(" and c.id < :after");
      params.put("after", parseCursor(search.cursor()));
    }
    jpql.append(" order by c.id desc");
    TypedQuery<Customer> query = em.createQuery(jpql.toString(), Customer.class);
    params.forEach(query::setParameter);
    return Page.fromOverfetch(query.setMaxResults(search.limit() + 1).getResultList(), search.limit(),
        last -> Long.toString(last.id()));
  }

  private static long parseCursor(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("cursor", "is not a cursor this list returned");
    }
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Override
  public void add(Customer customer) {
    em.persist(customer);
    em.flush();
  }

  @Override
  public void lockForIntake(Customer customer) {
    em.lock(customer, LockModeType.PESSIMISTIC_WRITE);
  }

  @Override
  public void remove(Customer customer) {
    em.remove(customer);
  }

  @Override
  public List<CustomerNote> notes(TenantId tenant, long customerId) {
    return em.createQuery("select n from CustomerNote n where n.tenantId = :t and n.customerId = :c"
            + " order by n.createdAt desc, n.id desc", CustomerNote.class)
        .setParameter("t", tenant.value())
        .setParameter("c", customerId)
        .getResultList();
  }

  @Override
  public Optional<CustomerNote> findNote(TenantId tenant, long customerId, long noteId) {
    return em.createQuery("select n from CustomerNote n where n.tenantId = :t and n.customerId = :c"
            + " and n.id = :id", CustomerNote.class)
        .setParameter("t", tenant.value())
        .setParameter("c", customerId)
        .setParameter("id", noteId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(CustomerNote note) {
    em.persist(note);
  }

  @Override
  public void remove(CustomerNote note) {
    em.remove(note);
  }
}
