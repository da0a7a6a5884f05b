package io.deskbridge.web.api.conversation;

import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.conversation.LinkKind;
import io.deskbridge.core.conversation.Priority;
import io.deskbridge.core.conversation.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** An action's fields as strings, the way the module reads them ({@code true} becomes "true"). */
  static Map<String, String> actionInput(Map<String, Object> body) {
    Map<String, String> input = new LinkedHashMap<>();
    if (body == null) {
      return input;
    }
    body.forEach((key, value) -> {
      if (key.equals("input") && value instanceof Map<?, ?> nested) {
        nested.forEach((k, v) -> {
          if (v != null) {
            input.put(String.valueOf(k), String.valueOf(v));
          }
        });
      } else if (value != null && !(value instanceof Map) && !(value instanceof List)) {
        input.put(key, String.valueOf(value));
      }
    });
    return input;
  }
}
