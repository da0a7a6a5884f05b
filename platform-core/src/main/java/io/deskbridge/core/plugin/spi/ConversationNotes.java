package io.deskbridge.core.plugin.spi;

/**
 * What a module may write back into Deskbridge: staff-only notes on a conversation of its tenant
 * (a Jira comment, a CRM stage change). Never a customer-visible message.
 */
public interface ConversationNotes {

  /** @return false when the conversation does not exist in the module's tenant */
  boolean addInternalNote(long conversationId, String text);
}
