package io.deskbridge.web.api.conversation;

import io.deskbridge.core.conversation.Attachment;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.TimelineService;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.web.api.ListView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a page of timeline entries with their attachments, fetched in one query per page. */
public final class TimelinePage {

  private TimelinePage() {}

  public static <M extends Message> ListView<MessageView> of(TimelineService timeline, TenantId tenant,
      Page<M> page) {
    List<Long> ids = page.items().stream().map(Message::id).toList();
    Map<Long, List<Attachment>> files = timeline.attachmentsOf(tenant, ids).stream()
        .collect(Collectors.groupingBy(Attachment::messageId));
    return ListView.of(page, m -> MessageView.of(m, files));
  }
}
