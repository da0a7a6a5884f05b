package io.deskbridge.web.api.conversation;

import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.conversation.LinkKind;
import io.deskbridge.core.conversation.Priority;
import io.deskbridge.core.conversation.Visibility;
import java.util.List;

/** Bodies of the conversation endpoints. */
final class ConversationRequests {

  private ConversationRequests() {}

  /** {@code savedReplyId}: the saved reply the text came from, so a hold reply stops the auto-close. */
  record PostMessage(String text, Visibility visibility, List<AttachmentRequest> attachments, Long savedReplyId) {}

  /** {@code agentId} is an agent's id or "me". */
  record Assign(String agentId) {}

  record SetCategory(Long categoryId) {}

  record SetStatus(ConversationStatus status) {}

  record SetPriority(Priority priority) {}

  record SetDepartment(Long departmentId) {}

  record Link(Long conversationId, LinkKind kind) {}

  record PerformAction(java.util.Map<String, String> input) {}
}
