package io.deskbridge.core.conversation;

import io.deskbridge.core.category.Category;
import io.deskbridge.core.event.CategorySet;
import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.ConversationReopened;
import io.deskbridge.core.event.ConversationTransferred;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.StatusChanged;
import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One support dialog with one customer on one channel: the aggregate root of the inbox. It enforces
 * the handbook rules that concern the conversation as a whole (category before closing, category
 * again after reopening, no agent messages into a closed dialog); messages are separate entities
 * because a long dialog must not be loaded to add one line.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

  @Id
  @SequenceGenerator(name = "conversation_seq", sequenceName = "conversation_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Column(nullable = false, length = 30)
  private String channel;

  @Column(name = "department_id")
  private Long departmentId;

  @Column(name = "assignee_id")
  private Long assigneeId;

  @Column(name = "category_id")
  private Long categoryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ConversationStatus status;

  @Convert(converter = PriorityConverter.class)
  @Column(nullable = false)
  private Priority priority;

  @Column(length = 300)
  private String subject;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "last_customer_message_at")
  private Instant lastCustomerMessageAt;

  @Column(name = "last_agent_message_at")
  private Instant lastAgentMessageAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @ElementCollection
  @CollectionTable(name = "conversation_link", joinColumns = @JoinColumn(name = "conversation_id"))
  private Set<ConversationLink> links = new HashSet<>();

  @Column(nullable = false)
  private boolean complaint;

  @Embedded private Complaint complaintProgress;

  @Embedded private CallbackRequest callback;

  @ElementCollection
  @CollectionTable(name = "conversation_status_change", joinColumns = @JoinColumn(name = "conversation_id"))
  @OrderColumn(name = "entry_no")
  private List<StatusEntry> statusHistory = new ArrayList<>();

  /** Conversations of "our clients" (handbook 004) come first in the queue. */
  @Column(name = "our_client", nullable = false)
  private boolean ourClient;

  /**
   * When the sweeper must look at this conversation (SLA warnings and breaches, auto-close); null
   * when nothing can happen until someone acts. Any change sets it to now, and the sweeper then
   * works out the precise instant, so the rules live in one place.
   */
  @Column(name = "next_check_at")
  private Instant nextCheckAt;

  @Column(name = "close_reason", length = 40)
  private String closeReason;

  @Column(name = "prompt_sent_at")
  private Instant promptSentAt;

  /** The agent's last public message was a saved reply marked hold, which stops the auto-close. */
  @Column(name = "last_reply_on_hold", nullable = false)
  private boolean lastReplyOnHold;

  @Version private long version;

  /** Facts recorded by the methods below, handed to the outbox by the service after the change. */
  @Transient private final List<DomainEvent> events = new ArrayList<>();

  protected Conversation() {}

  public Conversation(TenantId tenant, long customerId, String channel, Long departmentId, Instant now) {
    this(tenant, customerId, false, channel, departmentId, now);
  }

  public Conversation(TenantId tenant, long customerId, boolean ourClient, String channel, Long departmentId,
      Instant now) {
    this.ourClient = ourClient;
    this.nextCheckAt = now;
    this.tenantId = tenant.value();
    this.customerId = customerId;
    this.channel = channel;
    this.departmentId = departmentId;
    this.status = ConversationStatus.OPEN;
    this.priority = Priority.NORMAL;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * A conversation a customer's message opens, that message already counted: stored once with it,
   * where counting it after the insert would write the new row twice.
   */
  public static Conversation openedByCustomer(TenantId tenant, long customerId, boolean ourClient, String channel,
      Instant at) {
    Conversation conversation = new Conversation(tenant, customerId, ourClient, channel, null, at);
    conversation.lastCustomerMessageAt = at;
    return conversation;
  }

  /** The customer wrote: an answer ends "waiting on customer", since the ball is with us again. */
  public void receiveCustomerMessage(Instant at) {
    // A customer already waiting for our answer starts no SLA timer by writing again: the sweeper's
    // next look stays where it is, so a burst of messages does not make it re-check the conversation.
    boolean alreadyWaiting = status == ConversationStatus.OPEN && nextCheckAt != null && lastCustomerMessageAt != null
        && (lastAgentMessageAt == null || lastCustomerMessageAt.isAfter(lastAgentMessageAt));
    lastCustomerMessageAt = at;
    if (status == ConversationStatus.WAITING_ON_CUSTOMER) {
      changeStatus(ConversationStatus.OPEN, at);
    }
    if (alreadyWaiting) {
      markUpdated(at);
    } else {
      touch(at);
    }
  }

  public void recordAgentReply(Instant at) {
    recordAgentReply(at, false);
  }

  /** An agent's public reply; {@code onHold} when it is a saved reply marked hold (handbook 001). */
  public void recordAgentReply(Instant at, boolean onHold) {
    requireActive("reply");
    lastAgentMessageAt = at;
    lastReplyOnHold = onHold;
    touch(at);
  }

  /** The "is your question still relevant?" prompt went out; it is not an agent message. */
  public void recordPrompt(Instant at) {
    requireActive("prompt in");
    promptSentAt = at;
    touch(at);
  }

  /** Notes may be added to a closed conversation too: staff keep documenting after the fact. */
  public void recordInternalNote(Instant at) {
    touch(at);
  }

  public void assignTo(long agentId, Instant at) {
    requireActive("assign");
    if (assigneeId == null || assigneeId != agentId) {
      assigneeId = agentId;
      events.add(new ConversationAssigned(tenantId, id, agentId, at));
    }
    touch(at);
  }

  public void unassign(Instant at) {
    if (assigneeId != null) {
      assigneeId = null;
      events.add(new ConversationAssigned(tenantId, id, null, at));
    }
    touch(at);
  }

  public void categorize(Category category, Instant at) {
    if (category.isArchived()) {
      throw new ConversationRuleException("category-archived", id,
          "Category " + category.id() + " is archived and cannot be chosen.");
    }
    categoryId = category.id();
    events.add(new CategorySet(tenantId, id, category.id(), at));
    touch(at);
  }

  public void moveTo(ConversationStatus target, Instant at) {
    if (target == ConversationStatus.CLOSED) {
      close(at);
      return;
    }
    requireActive("change the status of");
    changeStatus(target, at);
    touch(at);
  }

  private void changeStatus(ConversationStatus target, Instant at) {
    if (target != status) {
      events.add(new StatusChanged(tenantId, id, status, target, at));
      enter(target, at);
    }
  }

  private void enter(ConversationStatus target, Instant at) {
    status = target;
    statusHistory.add(new StatusEntry(target, at));
  }

  /** Closing twice is a no-op; closing without a category is refused (handbook 001). */
  public void close(Instant at) {
    if (status == ConversationStatus.CLOSED) {
      return;
    }
    if (categoryId == null) {
      throw new CategoryRequiredException(id);
    }
    closeAs(null, at);
  }

  /**
   * The system closes without a category (the customer went silent, or it is a duplicate); the reason
   * is kept, and such a close cannot be rated.
   */
  public void closeFor(CloseReason reason, Instant at) {
    if (status != ConversationStatus.CLOSED) {
      closeAs(reason, at);
    }
  }

  /**
   * Handbook 001: an unassigned duplicate in the common queue may be closed; it keeps a link to the
   * conversation that is kept, so nothing the customer wrote gets lost.
   */
  public void closeAsDuplicateOf(Conversation kept, Instant at) {
    requireActive("close");
    if (assigneeId != null) {
      throw new ConversationRuleException("duplicate-assigned", id, "Conversation " + id
          + " is assigned; only an unassigned duplicate may be closed. Unassign it or close it normally.");
    }
    if (kept.customerId != customerId || kept.id.equals(id)) {
      throw new ConversationRuleException("not-a-duplicate", id,
          "A duplicate must be another conversation of the same customer.");
    }
    linkTo(kept.id, LinkKind.DUPLICATE_OF, at);
    kept.linkTo(id, LinkKind.RELATED, at);
    closeAs(CloseReason.DUPLICATE, at);
  }

  private void closeAs(CloseReason reason, Instant at) {
    enter(ConversationStatus.CLOSED, at);
    closedAt = at;
    closeReason = reason == null ? null : reason.code();
    events.add(new ConversationClosed(tenantId, id, categoryId, at));
    touch(at);
  }

  /**
   * Work this conversation waited for finished elsewhere (a vendor resolved its task): it goes back
   * to the agent as OPEN, reopened if it had been closed meanwhile.
   */
  public void wakeUp(Instant at) {
    if (status == ConversationStatus.CLOSED) {
      reopen(at);
    } else if (status != ConversationStatus.OPEN) {
      changeStatus(ConversationStatus.OPEN, at);
      touch(at);
    }
  }

  /** A reopened conversation must be categorised again: the old reason may no longer hold. */
  public void reopen(Instant at) {
    if (status != ConversationStatus.CLOSED) {
      return;
    }
    enter(ConversationStatus.OPEN, at);
    categoryId = null;
    closedAt = null;
    closeReason = null;
    promptSentAt = null;
    events.add(new ConversationReopened(tenantId, id, at));
    touch(at);
  }

  public void moveToDepartment(long departmentId, Instant at) {
    if (this.departmentId == null || this.departmentId != departmentId) {
      this.departmentId = departmentId;
      events.add(new ConversationTransferred(tenantId, id, departmentId, at));
    }
    touch(at);
  }

  /** The channel of a request opened by a transfer: customers never write into it (handbook 001). */
  public static final String TRANSFER_CHANNEL = "transfer";

  /** Why this conversation was opened by a transfer from another department; null otherwise. */
  @Column(name = "transfer_reason_id")
  private Long transferReasonId;

  /**
   * Handbook 001: a transfer to an adjacent department opens a second request for that department
   * instead of moving this one, so the customer's channel keeps talking to the agent who has them.
   * The request is not stored yet; once it has an id, cross-link it with {@link #linkTransfer}.
   */
  public Conversation openTransfer(long departmentId, Long reasonId, Instant at) {
    requireActive("transfer");
    Conversation request = new Conversation(tenantId(), customerId, ourClient, TRANSFER_CHANNEL, departmentId, at);
    request.subject = subject;
    request.transferReasonId = reasonId;
    return request;
  }

  /** Links this conversation and the stored request a transfer opened from it, each to the other. */
  public void linkTransfer(Conversation request, Instant at) {
    linkTo(request.id, LinkKind.TRANSFERRED_TO, at);
    request.linkTo(id, LinkKind.TRANSFERRED_FROM, at);
    request.events.add(new ConversationTransferred(tenantId, request.id, request.departmentId, at));
  }

  public Optional<Long> transferReasonId() {
    return Optional.ofNullable(transferReasonId);
  }

  /** Marks the conversation as a complaint (handbook 004); marking twice keeps the progress. */
  public void markAsComplaint(Instant at) {
    if (!complaint) {
      complaint = true;
      complaintProgress = Complaint.markedAt(at);
      touch(at);
    }
  }

  public void checkComplaintStep(ComplaintStep step, Instant at) {
    if (!complaint) {
      throw new ConversationRuleException("not-a-complaint", id, "Conversation " + id + " is not marked as a complaint.");
    }
    complaintProgress.check(step, id);
    touch(at);
  }

  public void requestCallback(String phone, Instant preferredAt, Instant at) {
    requireActive("request a callback for");
    callback = new CallbackRequest(phone, preferredAt, at);
    touch(at);
  }

  public void completeCallback(Instant at) {
    if (callback != null) {
      callback = null;
      touch(at);
    }
  }

  public boolean isComplaint() {
    return complaint;
  }

  public Optional<Complaint> complaint() {
    return complaint ? Optional.ofNullable(complaintProgress) : Optional.empty();
  }

  public Optional<CallbackRequest> callback() {
    return Optional.ofNullable(callback).filter(c -> c.phone() != null);
  }

  /** The facts recorded since the last call; the service publishes them in the same transaction. */
  public List<DomainEvent> releaseEvents() {
    List<DomainEvent> released = List.copyOf(events);
    events.clear();
    return released;
  }

  public void prioritize(Priority priority, Instant at) {
    this.priority = priority;
    touch(at);
  }

  public void linkTo(long relatedId, LinkKind kind, Instant at) {
    if (relatedId == id) {
      throw new ConversationRuleException("self-link", id, "A conversation cannot link to itself.");
    }
    links.add(new ConversationLink(tenantId, relatedId, kind));
    touch(at);
  }

  private void requireActive(String action) {
    if (status == ConversationStatus.CLOSED) {
      throw new ConversationRuleException("conversation-closed", id,
          "Conversation " + id + " is closed; reopen it to " + action + " it.");
    }
  }

  private void touch(Instant at) {
    markUpdated(at);
    nextCheckAt = status == ConversationStatus.CLOSED ? null : at;
  }

  private void markUpdated(Instant at) {
    if (updatedAt == null || at.isAfter(updatedAt)) {
      updatedAt = at;
    }
  }

  public boolean isClosed() {
    return status == ConversationStatus.CLOSED;
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public long customerId() {
    return customerId;
  }

  public String channel() {
    return channel;
  }

  public Optional<Long> departmentId() {
    return Optional.ofNullable(departmentId);
  }

  public Optional<Long> assigneeId() {
    return Optional.ofNullable(assigneeId);
  }

  public Optional<Long> categoryId() {
    return Optional.ofNullable(categoryId);
  }

  public ConversationStatus status() {
    return status;
  }

  public Priority priority() {
    return priority;
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public void retitle(String subject) {
    this.subject = subject;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<Instant> lastCustomerMessageAt() {
    return Optional.ofNullable(lastCustomerMessageAt);
  }

  public Optional<Instant> lastAgentMessageAt() {
    return Optional.ofNullable(lastAgentMessageAt);
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  public List<ConversationLink> links() {
    return links.stream()
        .sorted((a, b) -> Long.compare(a.relatedId(), b.relatedId()))
        .toList();
  }

  public long version() {
    return version;
  }

  public boolean isOurClient() {
    return ourClient;
  }

  public void treatAsOurClient(boolean ourClient) {
    this.ourClient = ourClient;
  }

  /**
   * The sweeper's next look, worked out from the timers and the auto-close rule after a change it
   * made itself; when it changed nothing it moves the index without touching the conversation.
   */
  public void scheduleCheck(Instant at) {
    nextCheckAt = status == ConversationStatus.CLOSED ? null : at;
  }

  public Optional<Instant> nextCheckAt() {
    return Optional.ofNullable(nextCheckAt);
  }

  public Optional<CloseReason> closeReason() {
    return Optional.ofNullable(closeReason).map(CloseReason::ofCode);
  }

  /** A customer may rate a conversation an agent resolved, never one the system closed. */
  public boolean isRateable() {
    return status == ConversationStatus.CLOSED && closeReason == null;
  }

  public Optional<Instant> promptSentAt() {
    return Optional.ofNullable(promptSentAt);
  }

  public boolean lastReplyOnHold() {
    return lastReplyOnHold;
  }

  /** Every status entered after creation, oldest first; the conversation starts OPEN at creation. */
  public List<StatusEntry> statusHistory() {
    return List.copyOf(statusHistory);
  }
}
