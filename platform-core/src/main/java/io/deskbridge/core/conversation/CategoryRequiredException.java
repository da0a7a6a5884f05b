package io.deskbridge.core.conversation;

import io.deskbridge.core.shared.DomainException;
import java.util.Map;

/** Handbook 001: a conversation cannot be closed before an agent chose its category. */
public class CategoryRequiredException extends DomainException {

  private final long conversationId;

  public CategoryRequiredException(long conversationId) {
    super(Kind.RULE_VIOLATION, "category-required",
        "Conversation " + conversationId + " needs a category before it can be closed.");
    this.conversationId = conversationId;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("conversationId", conversationId);
  }
}
