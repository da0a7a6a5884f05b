package io.deskbridge.core.conversation;

/** The orders the inbox can list conversations in. */
public enum InboxOrder {
  /** Newest activity first: what changed last is on top. */
  UPDATED,
  /**
   * The queue agents take work from: our clients first (handbook 004), then higher priority, then
   * the longest waiting.
   */
  QUEUE
}
