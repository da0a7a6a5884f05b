package io.deskbridge.core.autoclose;

import io.deskbridge.core.conversation.ConversationStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * What the auto-close rule needs to know about one conversation: its status; the last agent public
 * message (when, its text, and whether it was a saved reply marked <em>hold</em>), or nulls if no
 * agent has written; when the customer last wrote, or null; and when the "still relevant?" prompt
 * was sent, or null. The prompt is a system notice, never the last agent message. Guarantees a
 * status; the other values are as stored.
 */
public record ConversationSilence(ConversationStatus status, Instant lastAgentMessageAt,
    String lastAgentMessageText, boolean lastAgentMessageIsHoldReply, Instant lastCustomerMessageAt,
    Instant promptSentAt) {

  public ConversationSilence {
    Objects.requireNonNull(status, "status");
  }
}
