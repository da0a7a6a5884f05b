package io.deskbridge.web.api.conversation;

import io.deskbridge.core.conversation.Attachment;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.PublicMessage;
import io.deskbridge.web.api.Timestamps;
import java.util.List;
import java.util.Map;

/**
 * A timeline entry as staff see it; {@code visibility} comes from the entry's type. {@code authorName}
 * and {@code origin} are set for a reply written outside Deskbridge (an amoCRM manager's, origin "amocrm").
 */
public record MessageView(
    long id, long conversationId, String visibility, String authorType, Long authorAgentId, String authorName,
    String origin, String text, String externalId, String createdAt, List<AttachmentView> attachments) {

  public record AttachmentView(long id, String name, String contentType, long size) {

    public static AttachmentView of(Attachment a) {
      return new AttachmentView(a.id(), a.name(), a.contentType(), a.size());
    }
  }

  public static MessageView of(Message m, Map<Long, List<Attachment>> attachments) {
    String externalId = m instanceof PublicMessage p ? p.externalId().orElse(null) : null;
    return new MessageView(m.id(), m.conversationId(), m.visibility().name(), m.authorType().name(),
        m.authorAgentId().orElse(null), m.authorName().orElse(null), m.origin().orElse(null), m.text(), externalId, Timestamps.iso(m.createdAt()),
        attachments.getOrDefault(m.id(), List.of()).stream().map(AttachmentView::of).toList());
  }
}
