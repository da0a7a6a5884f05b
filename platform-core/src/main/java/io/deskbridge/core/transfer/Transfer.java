package io.deskbridge.core.transfer;

import io.deskbridge.core.shared.Validation;

/**
 * An agent's order to pass a conversation on to another department (handbook 001): where to, why
 * (optional), and a note for the receiving department (optional).
 */
public record Transfer(Long departmentId, Long reasonId, String note) {

  public static final int MAX_NOTE = 4000;

  public void validate() {
    new Validation()
        .required("departmentId", departmentId)
        .maxLength("note", note, MAX_NOTE)
        .orThrow();
  }

  /**
   * The internal note the receiving department reads first: where the request came from, why, and
   * where the customer's history is (they keep writing into the origin).
   */
  public String briefing(long originId, TransferReason reason) {
    StringBuilder text = new StringBuilder("Transferred from conversation #").append(originId).append('.');
    if (reason != null) {
      text.append("\nReason: ").append(reason.name());
    }
    if (note != null && !note.isBlank()) {
      text.append("\nNote: ").append(note.trim());
    }
    return text.append("\nThe customer's history is in conversation #").append(originId)
        .append("; the customer keeps writing there.")
        .toString();
  }
}
