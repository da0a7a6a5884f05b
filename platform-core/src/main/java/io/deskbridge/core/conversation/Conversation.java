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

  @Version private long version;

  /** Facts recorded by the methods below, handed to the outbox by the service after the change. */
  @Transient private final List<DomainEvent> events = new ArrayList<>();

  protected Conversation() {}

  public Conversation(TenantId tenant, long customerId, String channel, Long departmentId, Instant now) {
    this.tenantId = tenant.value();
    this.customerId = customerId;
    this.channel = channel;
    this.departmentId = departmentId;
    this.status = ConversationStatus.OPEN;
    this.priority = Priority.NORMAL;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The customer wrote: an answer ends "waiting on customer", since the ball is with us again. */
  public void receiveCustomerMessage(Instant at) {
    lastCustomerMessageAt = at;
    if (status == ConversationStatus.WAITING_ON_CUSTOMER) {
      changeStatus(ConversationStatus.OPEN, at);
    }
    touch(at);
  }

  public void recordAgentReply(Instant at) {
    requireActive("reply");
    lastAgentMessageAt = at;
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
      status = target;
    }
  }

  /** Closing twice is a no-op; closing without a category is refused (handbook 001). */
  public void close(Instant at) {
    if (status == ConversationStatus.CLOSED) {
      return;
    }
    if (categoryId == null) {
      throw new CategoryRequiredException(id);
    }
    status = ConversationStatus.CLOSED;
    closedAt = at;
    events.add(new ConversationClosed(tenantId, id, categoryId, at));
    touch(at);
  }

  /** A reopened conversation must be categorised again: the old reason may no longer hold. */
  public void reopen(Instant at) {
    if (status != ConversationStatus.CLOSED) {
      return;
    }
    status = ConversationStatus.OPEN;
    categoryId = null;
    closedAt = null;
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
}
