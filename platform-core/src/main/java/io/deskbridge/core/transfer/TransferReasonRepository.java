package io.deskbridge.core.transfer;

import io.deskbridge.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

public interface TransferReasonRepository {

  Optional<TransferReason> findById(TenantId tenant, long id);

  /** Case-insensitive, archived reasons included: their names stay taken. */
  Optional<TransferReason> findByName(TenantId tenant, String name);

  List<TransferReason> list(TenantId tenant, boolean includeArchived);

  /** Whether a conversation was transferred for this reason. */
  boolean inUse(TenantId tenant, long id);

  void add(TransferReason reason);

  void remove(TransferReason reason);
}
