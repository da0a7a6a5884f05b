package io.deskbridge.web.api.conversation;

import io.deskbridge.core.conversation.CloseReason;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.web.api.sla.SlaViews.ConversationSlaView;
import io.deskbridge.web.api.Timestamps;
import java.util.List;

public record ConversationView(
    long id, String status, long customerId, String channel, Long departmentId, Long assigneeId,
    Long categoryId, String priority, boolean ourClient, String subject, String createdAt, String updatedAt,
    String lastCustomerMessageAt, String lastAgentMessageAt, String closedAt, List<LinkView> links,
    boolean complaint, ComplaintView complaintProgress, CallbackView callback,
    String closeReason, boolean rateable, ConversationSlaView sla, long version) {

  public record LinkView(long conversationId, String kind) {}

  public record ComplaintView(String markedAt, List<String> steps, boolean answered) {}

  public record CallbackView(String phone, String preferredAt, String requestedAt) {}

  public static ConversationView of(Conversation c) {
    return of(c, null);
  }

  /** With its SLA timers, which cost a read of its messages: for one conversation, not for lists. */
  public static ConversationView of(Conversation c, ConversationSlaView sla) {
    return new ConversationView(c.id(), c.status().name(), c.customerId(), c.channel(),
        c.departmentId().orElse(null), c.assigneeId().orElse(null), c.categoryId().orElse(null),
        c.priority().name(), c.isOurClient(), c.subject().orElse(null), Timestamps.iso(c.createdAt()),
        Timestamps.iso(c.updatedAt()), Timestamps.iso(c.lastCustomerMessageAt().orElse(null)),
        Timestamps.iso(c.lastAgentMessageAt().orElse(null)), Timestamps.iso(c.closedAt().orElse(null)),
        c.links().stream().map(l -> new LinkView(l.relatedId(), l.kind().name())).toList(),
        c.isComplaint(),
        c.complaint().map(p -> new ComplaintView(Timestamps.iso(p.markedAt()),
            p.steps().stream().map(Enum::name).toList(), p.isAnswered())).orElse(null),
        c.callback().map(b -> new CallbackView(b.phone(), Timestamps.iso(b.preferredAt()),
            Timestamps.iso(b.requestedAt()))).orElse(null),
        c.closeReason().map(CloseReason::code).orElse(null), c.isRateable(), sla,
        c.version());
  }
}
