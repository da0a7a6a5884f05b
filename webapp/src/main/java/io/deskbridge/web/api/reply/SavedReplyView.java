package io.deskbridge.web.api.reply;

import io.deskbridge.core.reply.SavedReply;
import io.deskbridge.web.api.Timestamps;
import java.util.List;

public record SavedReplyView(
    long id, String title, String body, String language, List<String> tags, boolean hold, String updatedAt,
    long version) {

  static SavedReplyView of(SavedReply r) {
    return new SavedReplyView(r.id(), r.title(), r.body(), r.language().code(), r.tags(), r.isHold(),
        Timestamps.iso(r.updatedAt()), r.version());
  }
}
