package io.deskbridge.core.transfer;

import io.deskbridge.core.shared.DomainException;
import java.util.HashMap;
import java.util.Map;

/** A transfer named a reason an admin archived; it may no longer be chosen. */
public class TransferReasonArchivedException extends DomainException {

  private final Long reasonId;

  public TransferReasonArchivedException(Long reasonId) {
    super(Kind.RULE_VIOLATION, "transfer-reason-archived",
        "Transfer reason " + reasonId + " is archived and cannot be chosen.");
    this.reasonId = reasonId;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new HashMap<>();
    details.put("reasonId", reasonId);
    return details;
  }
}
