package io.deskbridge.web.api.transfer;

import io.deskbridge.core.transfer.TransferReason;

/** {@code customerMessage} is null when the reason sends the customer no interim answer. */
public record TransferReasonView(long id, String name, String customerMessage, boolean archived, long version) {

  static TransferReasonView of(TransferReason r) {
    return new TransferReasonView(r.id(), r.name(), r.customerMessage().orElse(null), r.isArchived(),
        r.version());
  }
}
