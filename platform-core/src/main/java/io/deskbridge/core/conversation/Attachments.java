package io.deskbridge.core.conversation;

import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Checks files against the tenant's size limit and keeps them with their timeline entry. */
@ApplicationScoped
public class Attachments {

  private final MessageRepository messages;
  private final AttachmentStore store;
  private final TenantRepository tenants;

  @Inject
  public Attachments(MessageRepository messages, AttachmentStore store, TenantRepository tenants) {
    this.messages = messages;
    this.store = store;
    this.tenants = tenants;
  }

  protected Attachments() {
    this(null, null, null);
  }

  /** Validates every file before anything is stored, so a bad third file leaves no first two behind. */
  public void validate(TenantId tenant, List<NewAttachment> files) {
    if (files.isEmpty()) {
      return; // most messages carry none: no reason to read the tenant's limit
    }
    long limit = maxBytes(tenant);
    for (int i = 0; i < files.size(); i++) {
      files.get(i).validate("attachments[" + i + "]", limit);
    }
  }

  /** Stores validated files; runs inside the caller's transaction with the message itself. */
  public void attach(Message message, List<NewAttachment> files) {
    for (NewAttachment file : files) {
      String key = store.put(message.tenantId(), file.content());
      messages.add(new Attachment(message, file, key));
    }
  }

  public Attachment get(TenantId tenant, long conversationId, long id) {
    return messages.findAttachment(tenant, conversationId, id)
        .orElseThrow(() -> new NotFoundException("Attachment", id));
  }

  /** A file the customer was sent: an internal note's attachment is not found, by construction. */
  public Attachment getPublic(TenantId tenant, long conversationId, long id) {
    return messages.findPublicAttachment(tenant, conversationId, id)
        .orElseThrow(() -> new NotFoundException("Attachment", id));
  }

  /** A file one customer was sent in any of their conversations; anyone else's, or a note's, is not found. */
  public Attachment getForCustomer(TenantId tenant, long customerId, long id) {
    return messages.findCustomerAttachment(tenant, customerId, id)
        .orElseThrow(() -> new NotFoundException("Attachment", id));
  }

  public byte[] content(Attachment attachment) {
    return store.get(attachment.tenantId(), attachment.contentKey())
        .orElseThrow(() -> new NotFoundException("Attachment", attachment.id()));
  }

  long maxBytes(TenantId tenant) {
    return tenants.findById(tenant)
        .map(Tenant::settings)
        .map(s -> s.get(Tenant.ATTACHMENT_LIMIT_SETTING))
        .map(Long::parseLong)
        .orElse(NewAttachment.DEFAULT_MAX_BYTES);
  }
}
