package io.deskbridge.web.api.conversation;

import io.deskbridge.core.conversation.CloseReason;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.plugin.spi.ExternalLink;
import io.deskbridge.web.api.sla.SlaViews.ConversationSlaView;
import io.deskbridge.web.api.Timestamps;
import java.util.ArrayList;
import java.util.List;

public record ConversationView(
    long id, String status, long customerId, String channel, Long departmentId, Long assigneeId,
    Long categoryId, String priority, boolean ourClient, String subject, String createdAt, String updatedAt,
    String lastCustomerMessageAt, String lastAgentMessageAt, String closedAt, List<LinkView> links,
    boolean complaint, ComplaintView complaintProgress, CallbackView callback,
    String closeReason, boolean rateable, ConversationSlaView sla, long version) {

  /** What a conversation is linked to: another conversation, or something at a module's vendor. */
  public sealed interface LinkView permits ConversationLinkView, ModuleLinkView {}

  /** A related conversation (duplicate, transfer); {@code type} is always "conversation". */
  public record ConversationLinkView(String type, long conversationId, String kind) implements LinkView {}

  /** {@code {"type":"jira","key":"SUP-17","url":…,"status":"In Progress"}}, from the module's memory. */
  public record ModuleLinkView(String type, String key, String url, String status) implements LinkView {}

  public record ComplaintView(String markedAt, List<String> steps, boolean answered) {}

  public record CallbackView(String phone, String preferredAt, String requestedAt) {}

  public static ConversationView of(Conversation c) {
    return of(c, null);
  }

  /** With its SLA timers, which cost a read of its messages: for one conversation, not for lists. */
  public static ConversationView of(Conversation c, ConversationSlaView sla) {
    return of(c, sla, List.of());
  }

  /** With the links enabled modules know of (a Jira issue), after the conversation's own links. */
  public static ConversationView of(Conversation c, ConversationSlaView sla, List<ExternalLink> external) {
    List<LinkView> links = new ArrayList<>();
    c.links().forEach(l -> links.add(new ConversationLinkView("conversation", l.relatedId(), l.kind().name())));
    external.forEach(l -> links.add(new ModuleLinkView(l.type(), l.key(), l.url(), l.status())));
    return new ConversationView(c.id(), c.status().name(), c.customerId(), c.channel(),
        c.departmentId().orElse(null), c.assigneeId().orElse(null), c.categoryId().orElse(null),
        c.priority().name(), c.isOurClient(), c.subject().orElse(null), Timestamps.iso(c.createdAt()),
        Timestamps.iso(c.updatedAt()), Timestamps.iso(c.lastCustomerMessageAt().orElse(null)),
        Timestamps.iso(c.lastAgentMessageAt().orElse(null)), Timestamps.iso(c.closedAt().orElse(null)),
        List.copyOf(links),
        c.isComplaint(),
        c.complaint().map(p -> new ComplaintView(Timestamps.iso(p.markedAt()),
            p.steps().stream().map(Enum::name).toList(), p.isAnswered())).orElse(null),
        c.callback().map(b -> new CallbackView(b.phone(), Timestamps.iso(b.preferredAt()),
            Timestamps.iso(b.requestedAt()))).orElse(null),
        c.closeReason().map(CloseReason::code).orElse(null), c.isRateable(), sla,
        c.version());
  }
}
