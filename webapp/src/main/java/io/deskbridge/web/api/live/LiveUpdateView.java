package io.deskbridge.web.api.live;

import io.deskbridge.core.presence.LiveUpdate;
import io.deskbridge.web.api.Timestamps;
import java.util.List;

/** One "update" event; {@code typing} is present only when who types changed (empty: nobody now). */
public record LiveUpdateView(List<ConversationChange> conversations, List<MessageAdded> messages,
    List<TypingView> typing) {

  public record ConversationChange(long id, long version) {}

  public record MessageAdded(long id, long conversationId, String visibility, String authorType, Long authorAgentId) {}

  public record TypingView(long conversationId, long agentId, String agentName, String until) {}

  static LiveUpdateView of(LiveUpdate u) {
    return new LiveUpdateView(
        u.conversations().stream().map(c -> new ConversationChange(c.id(), c.version())).toList(),
        u.messages().stream().map(m -> new MessageAdded(m.id(), m.conversationId(), m.visibility(), m.authorType(),
            m.authorAgentId())).toList(),
        u.typingChanged() ? u.typing().stream().map(t -> new TypingView(t.conversationId(), t.agentId(),
            t.agentName(), Timestamps.iso(t.until()))).toList() : null);
  }
}
