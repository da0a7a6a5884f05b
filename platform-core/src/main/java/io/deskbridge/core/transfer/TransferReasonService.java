package io.deskbridge.core.transfer;

import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Maintains a tenant's transfer reasons; names are unique within the tenant, archived ones included. */
@ApplicationScoped
@Transactional
public class TransferReasonService {

  private final TransferReasonRepository reasons;

  @Inject
  public TransferReasonService(TransferReasonRepository reasons) {
    this.reasons = reasons;
  }

  protected TransferReasonService() {
    this(null);
  }

  public TransferReason create(TenantId tenant, String name, String customerMessage) {
    TransferReason.validate(name, customerMessage);
    ensureNameFree(tenant, name.trim(), null);
    TransferReason reason = new TransferReason(tenant, name, customerMessage);
    reasons.add(reason);
    return reason;
  }

  public TransferReason update(TenantId tenant, long id, String name, String customerMessage) {
    // Validated and checked before the change: a query would flush a duplicate name into the table.
    TransferReason.validate(name, customerMessage);
    TransferReason reason = get(tenant, id);
    ensureNameFree(tenant, name.trim(), id);
    reason.describe(name, customerMessage);
    return reason;
  }

  /**
   * Deletes an unused reason; one a conversation was transferred for is archived instead, so that
   * conversation keeps saying why it was opened.
   */
  public void delete(TenantId tenant, long id) {
    TransferReason reason = get(tenant, id);
    if (reasons.inUse(tenant, id)) {
      reason.archive();
    } else {
      reasons.remove(reason);
    }
  }

  public TransferReason get(TenantId tenant, long id) {
    return reasons.findById(tenant, id).orElseThrow(() -> new NotFoundException("Transfer reason", id));
  }

  public List<TransferReason> list(TenantId tenant, boolean includeArchived) {
    return reasons.list(tenant, includeArchived);
  }

  private void ensureNameFree(TenantId tenant, String name, Long self) {
    reasons
        .findByName(tenant, name)
        .filter(r -> !r.id().equals(self))
        .ifPresent(r -> {
          throw new ConflictException("duplicate-name", "A transfer reason named '" + name + "' exists.");
        });
  }
}
