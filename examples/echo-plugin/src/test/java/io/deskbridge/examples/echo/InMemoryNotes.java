package io.deskbridge.examples.echo;

import io.deskbridge.core.plugin.spi.ConversationNotes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One tenant's conversations, as far as a module can see them: which exist, and the notes written. */
final class InMemoryNotes implements ConversationNotes {

  record Note(long conversationId, String text) {}

  private final Set<Long> conversations;
  private final List<Note> written = new ArrayList<>();

  InMemoryNotes(Long... conversations) {
    this.conversations = Set.of(conversations);
  }

  @Override
  public boolean addInternalNote(long conversationId, String text) {
    if (!conversations.contains(conversationId)) {
      return false;
    }
    written.add(new Note(conversationId, text));
    return true;
  }

  List<Note> written() {
    return List.copyOf(written);
  }
}
