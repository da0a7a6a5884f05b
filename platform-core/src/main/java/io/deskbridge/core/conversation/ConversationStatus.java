package io.deskbridge.core.conversation;

/**
 * Where a conversation stands. Every status but CLOSED is active and shows in the queues;
 * WAITING_ON_VENDOR is for problems in a third-party service, whose answer may take days.
 */
public enum ConversationStatus {
  OPEN,
  WAITING_ON_CUSTOMER,
  ON_HOLD,
  WAITING_ON_VENDOR,
  CLOSED;

  public boolean isActive() {
    return this != CLOSED;
  }
}
