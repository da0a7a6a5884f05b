package io.deskbridge.core.persistence;

import io.deskbridge.core.reply.SavedReply;
import io.deskbridge.core.reply.SavedReplyRepository;
import io.deskbridge.core.reply.SavedReplySearch;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaSavedReplyRepository implements SavedReplyRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public Optional<SavedReply> findById(TenantId tenant, long id) {
    return Optional.ofNullable(em.find(SavedReply.class, id)).filter(r -> r.tenantId().equals(tenant));
  }

  @Override
  public List<SavedReply> search(TenantId tenant, SavedReplySearch search) {
    StringBuilder jpql = new StringBuilder("select r from SavedReply r where r.tenantId = :t");
    Map<String, Object> params = new HashMap<>();
    params.put("t", tenant.value());
    if (search.text() != null && !search.text().isBlank()) {
      jpql.append(" and (lower(r.title) like :q or lower(r.body) like :q)");
      params.put("q", "%" + JpaCustomerRepository.escapeLike(search.text().trim().toLowerCase(Locale.ROOT)) + "%");
    }
    if (search.language() != null) {
      jpql.append(" and r.language = :lang");
      params.put("lang", search.language());
    }
    if (search.tag() != null && !search.tag().isBlank()) {
      jpql.append(" and exists (select 1 from SavedReply r2 join r2.tags tg where r2.id = r.id and tg.name = :tag)");
      params.put("tag", search.tag().trim().toLowerCase(Locale.ROOT));
    }
    jpql.append(" order by r.title, r.id");
    TypedQuery<SavedReply> query = em.createQuery(jpql.toString(), SavedReply.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(500).getResultList();
  }

  @Override
  public void add(SavedReply reply) {
    em.persist(reply);
  }

  @Override
  public void remove(SavedReply reply) {
    em.remove(reply);
  }
}
