package io.deskbridge.web.api.customer;

import io.deskbridge.core.customer.CustomerNote;
import io.deskbridge.web.api.Timestamps;

/** A staff-only note: served to staff endpoints only, never to inbound/customer ones. */
public record CustomerNoteView(long id, long customerId, Long authorId, String text, String createdAt) {

  static CustomerNoteView of(CustomerNote n) {
    return new CustomerNoteView(n.id(), n.customerId(), n.authorId(), n.text(), Timestamps.iso(n.createdAt()));
  }
}
