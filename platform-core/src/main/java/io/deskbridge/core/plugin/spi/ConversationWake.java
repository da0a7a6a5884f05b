package io.deskbridge.core.plugin.spi;

/**
 * Lets a module hand a conversation back to its agent when the work it waited for is done elsewhere
 * (the Jira task was resolved): the conversation becomes {@code OPEN} again, reopened if it was
 * closed, and the reason is left as an internal note, which is what the assigned agent sees in the
 * queue. Waking a conversation that is already open only adds the note.
 */
public interface ConversationWake {

  /** For contexts built without the platform: nothing can be woken. */
  ConversationWake NONE = (conversationId, reason) -> false;

  /** @return false when the conversation does not exist in the module's tenant */
  boolean wake(long conversationId, String reason);
}
