package io.deskbridge.core.presence;

import java.util.List;

/**
 * One round of the live feed: what is new since the previous round and, when who types changed, who
 * types now (an empty list then means nobody does any more).
 */
public record LiveUpdate(List<ChangedConversation> conversations, List<NewMessage> messages, List<Typing> typing,
    boolean typingChanged) {

  public boolean isEmpty() {
    return conversations.isEmpty() && messages.isEmpty() && !typingChanged;
  }
}
