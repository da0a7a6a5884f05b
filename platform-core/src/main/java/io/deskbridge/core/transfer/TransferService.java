package io.deskbridge.core.transfer;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationRepository;
import io.deskbridge.core.conversation.TimelineService;
import io.deskbridge.core.department.DepartmentRepository;
import io.deskbridge.core.event.ConversationCreated;
import io.deskbridge.core.assignment.RoundRobin;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Transfers to an adjacent department (handbook 001): two cross-linked requests, one staying with
 * the customer and their agent, one for the receiving department, and, when the reason asks for it,
 * an interim answer to the customer. All of it commits together or not at all.
 */
@ApplicationScoped
@Transactional
public class TransferService {

  private final ConversationRepository conversations;
  private final DepartmentRepository departments;
  private final TransferReasonRepository reasons;
  private final TimelineService timeline;
  private final RoundRobin roundRobin;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  public TransferService(ConversationRepository conversations, DepartmentRepository departments,
      TransferReasonRepository reasons, TimelineService timeline, RoundRobin roundRobin, Outbox outbox,
      Clock clock) {
    this.roundRobin = roundRobin;
    this.conversations = conversations;
    this.departments = departments;
    this.reasons = reasons;
    this.timeline = timeline;
    this.outbox = outbox;
    this.clock = clock;
  }

  protected TransferService() {
    this(null, null, null, null, null, null, null);
  }

  /**
   * Opens the receiving department's request and returns it. {@code agentId} is the transferring
   * agent, or null for an integration key: then the note and the interim answer come from the system.
   */
  public Conversation transfer(TenantId tenant, long conversationId, Transfer transfer, Long agentId) {
    transfer.validate();
    Conversation origin = conversations.findById(tenant, conversationId)
        .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
    long departmentId = departments.findById(tenant, transfer.departmentId())
        .orElseThrow(() -> new NotFoundException("Department", transfer.departmentId()))
        .id();
    TransferReason reason = transfer.reasonId() == null ? null : usableReason(tenant, transfer.reasonId());
    Instant now = clock.instant();
    Conversation request = origin.openTransfer(departmentId, transfer.reasonId(), now);
    conversations.add(request);
    outbox.publish(new ConversationCreated(tenant.value(), request.id(), request.customerId(),
        request.channel(), now));
    origin.linkTransfer(request, now);
    origin.releaseEvents().forEach(outbox::publish);
    request.releaseEvents().forEach(outbox::publish);
    // The receiving department's online agents take turns when the tenant assigns round-robin.
    roundRobin.assignNew(request);
    timeline.addInternalNote(tenant, request.id(), agentId, transfer.briefing(origin.id(), reason), List.of());
    if (reason != null) {
      reason.customerMessage().ifPresent(text -> timeline.holdingReply(tenant, origin.id(), agentId, text));
    }
    return request;
  }

  private TransferReason usableReason(TenantId tenant, long reasonId) {
    TransferReason reason = reasons.findById(tenant, reasonId)
        .orElseThrow(() -> new NotFoundException("Transfer reason", reasonId));
    reason.requireUsable();
    return reason;
  }
}
