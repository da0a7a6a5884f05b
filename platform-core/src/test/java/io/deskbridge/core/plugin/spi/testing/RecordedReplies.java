package io.deskbridge.core.plugin.spi.testing;

import io.deskbridge.core.plugin.spi.CustomerReplies;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Replies the module posted for the customer; a conversation listed in {@code closed} refuses them. */
public final class RecordedReplies implements CustomerReplies {

  /** conversation id → "author: text" of each reply, in order */
  public final Map<Long, List<String>> posted = new ConcurrentHashMap<>();
  public final Map<String, Long> ids = new ConcurrentHashMap<>();
  public final Set<Long> closed = ConcurrentHashMap.newKeySet();

  @Override
  public synchronized Receipt post(long conversationId, String vendorMessageId, String authorName, String text) {
    if (closed.contains(conversationId)) {
      return Receipt.refused("Conversation " + conversationId + " is closed");
    }
    Long earlier = ids.get(vendorMessageId);
    if (earlier != null) {
      return Receipt.posted(earlier);
    }
    posted.computeIfAbsent(conversationId, id -> new CopyOnWriteArrayList<>()).add(authorName + ": " + text);
    long id = 9000 + ids.size();
    ids.put(vendorMessageId, id);
    return Receipt.posted(id);
  }
}
