package io.deskbridge.core.sla;

/** The three promises of handbook 001: answer first, answer each follow-up, and resolve. */
public enum SlaTarget {
  /** From the customer's first message to the first agent public reply. */
  FIRST_REPLY,
  /** From a customer message that follows an agent reply to the next agent reply. */
  NEXT_REPLY,
  /** From the conversation's creation to its close, not counting paused statuses. */
  RESOLUTION
}
