package io.deskbridge.core.widget;

import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.shared.KeysetCursor;
import java.time.Instant;
import java.util.List;

/**
 * Where the widget's next read starts. Message times are taken before the insert commits, so on a
 * busy cluster a message can become visible after a later-stamped one. The cursor therefore never
 * moves past a message younger than the settling time: those are read again (the widget drops
 * repeats by id) until nothing can still appear before them. A full page moves on regardless, so a
 * burst of messages cannot hold the reader on one page.
 */
final class TranscriptCursor {

  private TranscriptCursor() {}

  /** The cursor after {@code page}, which was read from {@code given} (null: from the start). */
  static String next(List<? extends Message> page, String given, Instant settledBefore, int pageSize) {
    Message last = null;
    for (Message m : page) {
      if (page.size() >= pageSize || m.createdAt().isBefore(settledBefore)) {
        last = m;
      }
    }
    return last == null ? given : new KeysetCursor(last.createdAt(), last.id()).encode();
  }
}
