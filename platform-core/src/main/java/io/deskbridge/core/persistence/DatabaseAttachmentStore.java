package io.deskbridge.core.persistence;

import io.deskbridge.core.conversation.AttachmentStore;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Keeps attachment bytes in the database, in the same transaction as the message they belong to. */
@ApplicationScoped
public class DatabaseAttachmentStore implements AttachmentStore {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  public String put(TenantId tenant, byte[] content) {
    String key = UUID.randomUUID().toString();
    em.persist(new AttachmentContent(tenant, key, content));
    return key;
  }

  @Override
  public Optional<byte[]> get(TenantId tenant, String key) {
    return Optional.ofNullable(em.find(AttachmentContent.class, key))
        .filter(c -> c.belongsTo(tenant))
        .map(AttachmentContent::bytes);
  }
}
