package io.deskbridge.core.conversation;

import io.deskbridge.core.shared.DomainException;
import java.util.Map;

/**
 * Handbook 001: an agent takes a conversation from the common queue; when a colleague took it first,
 * the second agent is told so (409) instead of silently taking it over.
 */
public class AlreadyAssignedException extends DomainException {

  private final long conversationId;
  private final long assigneeId;

  public AlreadyAssignedException(long conversationId, long assigneeId) {
    super(Kind.CONFLICT, "already-assigned",
        "Conversation " + conversationId + " was already taken by agent " + assigneeId + ".");
    this.conversationId = conversationId;
    this.assigneeId = assigneeId;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("conversationId", conversationId, "assigneeId", assigneeId);
  }
}
