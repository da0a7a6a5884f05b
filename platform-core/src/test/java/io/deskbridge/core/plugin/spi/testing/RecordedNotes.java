package io.deskbridge.core.plugin.spi.testing;

import io.deskbridge.core.plugin.spi.ConversationNotes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The internal notes a module wrote, per conversation in order, for plugin tests to check. */
public final class RecordedNotes implements ConversationNotes {

  public final Map<Long, List<String>> notes = new ConcurrentHashMap<>();

  @Override
  public boolean addInternalNote(long conversationId, String text) {
    notes.computeIfAbsent(conversationId, id -> new CopyOnWriteArrayList<>()).add(text);
    return true;
  }
}
