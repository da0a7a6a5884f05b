package io.deskbridge.core.conversation;

import io.deskbridge.core.shared.DomainException;
import java.util.Map;

/** A workflow step the conversation's current state does not allow (e.g. replying to a closed one). */
public class ConversationRuleException extends DomainException {

  private final long conversationId;

  public ConversationRuleException(String code, long conversationId, String message) {
    super(Kind.RULE_VIOLATION, code, message);
    this.conversationId = conversationId;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("conversationId", conversationId);
  }
}
