package io.deskbridge.core.conversation;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.agent.AgentRepository;
import io.deskbridge.core.category.Category;
import io.deskbridge.core.category.CategoryRepository;
import io.deskbridge.core.customer.CustomerConversations;
import io.deskbridge.core.department.DepartmentRepository;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.reply.SavedReplyService;
import io.deskbridge.core.rules.SupportRulesService;
import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.deskbridge.core.shared.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The agent's actions on a conversation as a whole: take it, categorise it, move it through its
 * statuses, close and reopen it. Each method is one transaction; {@code expectedVersion}, when
 * given, makes a change based on a stale copy fail instead of overwriting a colleague's.
 */
@ApplicationScoped
@Transactional
public class ConversationService implements CustomerConversations {

  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{5,31}$");

  private final ConversationRepository conversations;
  private final AgentRepository agents;
  private final CategoryRepository categories;
  private final DepartmentRepository departments;
  private final Outbox outbox;
  private final SupportRulesService rules;
  private final SavedReplyService savedReplies;
  private final SystemNotices notices;
  private final Clock clock;

  @Inject
  public ConversationService(ConversationRepository conversations, AgentRepository agents,
      CategoryRepository categories, DepartmentRepository departments, Outbox outbox,
      SupportRulesService rules, SavedReplyService savedReplies, SystemNotices notices, Clock clock) {
    this.rules = rules;
    this.savedReplies = savedReplies;
    this.notices = notices;
    this.conversations = conversations;
    this.agents = agents;
    this.categories = categories;
    this.departments = departments;
    this.outbox = outbox;
    this.clock = clock;
  }

  protected ConversationService() {
    this(null, null, null, null, null, null, null, null, null);
  }

  public Conversation get(TenantId tenant, long id) {
    return conversations.findById(tenant, id).orElseThrow(() -> new NotFoundException("Conversation", id));
  }

  public Page<Conversation> list(TenantId tenant, ConversationFilter filter) {
    return conversations.list(tenant, filter);
  }

  public Conversation assign(TenantId tenant, long id, long agentId, Long expectedVersion) {
    Conversation conversation = current(tenant, id, expectedVersion);
    Agent agent = agents.findById(tenant, agentId)
        .filter(Agent::isActive)
        .orElseThrow(() -> new NotFoundException("Agent", agentId));
    boolean handedOver = !conversation.assigneeId().equals(Optional.of(agent.id()));
    Instant now = clock.instant();
    conversation.assignTo(agent.id(), now);
    if (handedOver) {
      // Manual assignments count in the round-robin rotation too, so it stays fair.
      agents.recordAssignment(tenant, agent.id(), now);
    }
    return published(conversation);
  }

  /**
   * An agent takes the conversation for themself. Refused when a colleague already has it: taking it
   * over is an explicit assignment by id, not a side effect of "take".
   */
  public Conversation take(TenantId tenant, long id, long agentId, Long expectedVersion) {
    Conversation conversation = current(tenant, id, expectedVersion);
    conversation.assigneeId().filter(assignee -> assignee != agentId).ifPresent(assignee -> {
      throw new AlreadyAssignedException(id, assignee);
    });
    return assign(tenant, id, agentId, null);
  }

  public Conversation unassign(TenantId tenant, long id, Long expectedVersion) {
    Conversation conversation = current(tenant, id, expectedVersion);
    conversation.unassign(clock.instant());
    return published(conversation);
  }

  /**
   * A third-party category (handbook 000: the problem is in a CRM or a provider) moves an active
   * conversation to WAITING_ON_VENDOR, which pauses its resolution timer, and sends the tenant's
   * "we are waiting for the vendor" saved reply when one is set.
   */
  public Conversation categorize(TenantId tenant, long id, long categoryId, Long expectedVersion) {
    Conversation conversation = current(tenant, id, expectedVersion);
    Category category = categories.findById(tenant, categoryId)
        .orElseThrow(() -> new NotFoundException("Category", categoryId));
    Instant now = clock.instant();
    conversation.categorize(category, now);
    if (category.isThirdParty() && !conversation.isClosed()
        && conversation.status() != ConversationStatus.WAITING_ON_VENDOR) {
      conversation.moveTo(ConversationStatus.WAITING_ON_VENDOR, now);
      rules.rules(tenant).vendorReplyId().ifPresent(replyId ->
          notices.send(conversation, savedReplies.render(tenant, replyId, conversation.id(), null), now));
    }
    return published(conversation);
  }

  public Conversation moveTo(TenantId tenant, long id, ConversationStatus status, Long expectedVersion) {
    Conversation conversation = current(tenant, id, expectedVersion);
    conversation.moveTo(status, clock.instant());
    return published(conversation);
  }

  public Conversation close(TenantId tenant, long id, Long expectedVersion) {
    Conversation conversation = current(tenant, id, expectedVersion);
    conversation.close(clock.instant());
    return published(conversation);
  }

  public Conversation reopen(TenantId tenant, long id, Long expectedVersion) {
    Conversation conversation = current(tenant, id, expectedVersion);
    conversation.reopen(clock.instant());
    return published(conversation);
  }

  /** A module's vendor finished its part: the conversation is the agent's again ({@link Conversation#wakeUp}). */
  public Conversation wakeUp(TenantId tenant, long id) {
    Conversation conversation = get(tenant, id);
    conversation.wakeUp(clock.instant());
    return published(conversation);
  }

  public Conversation prioritize(TenantId tenant, long id, Priority priority, Long expectedVersion) {
    Conversation conversation = current(tenant, id, expectedVersion);
    conversation.prioritize(priority, clock.instant());
    return published(conversation);
  }

  public Conversation moveToDepartment(TenantId tenant, long id, long departmentId, Long expectedVersion) {
    Conversation conversation = current(tenant, id, expectedVersion);
    departments.findById(tenant, departmentId)
        .orElseThrow(() -> new NotFoundException("Department", departmentId));
    conversation.moveToDepartment(departmentId, clock.instant());
    return published(conversation);
  }

  public Conversation markAsComplaint(TenantId tenant, long id) {
    Conversation conversation = get(tenant, id);
    conversation.markAsComplaint(clock.instant());
    return conversation;
  }

  public Conversation checkComplaintStep(TenantId tenant, long id, ComplaintStep step) {
    new Validation().required("step", step).orThrow();
    Conversation conversation = get(tenant, id);
    conversation.checkComplaintStep(step, clock.instant());
    return conversation;
  }

  public Conversation requestCallback(TenantId tenant, long id, String phone, Instant preferredAt) {
    new Validation()
        .required("phone", phone)
        .check(phone == null || PHONE.matcher(phone).matches(), "phone", "must be a phone number such as +79990000000")
        .required("preferredAt", preferredAt)
        .orThrow();
    Conversation conversation = get(tenant, id);
    conversation.requestCallback(phone.trim(), preferredAt, clock.instant());
    return conversation;
  }

  public Conversation completeCallback(TenantId tenant, long id) {
    Conversation conversation = get(tenant, id);
    conversation.completeCallback(clock.instant());
    return conversation;
  }

  /** Links both ways, so each conversation shows the other. */
  public Conversation link(TenantId tenant, long id, long relatedId, LinkKind kind) {
    Conversation conversation = get(tenant, id);
    Conversation related = get(tenant, relatedId);
    conversation.linkTo(related.id(), kind, clock.instant());
    related.linkTo(conversation.id(), kind.reverse(), clock.instant());
    return conversation;
  }

  @Override
  public boolean exist(TenantId tenant, long customerId) {
    return conversations.existForCustomer(tenant, customerId);
  }

  @Override
  public void treatAsOurClient(TenantId tenant, long customerId, boolean ourClient) {
    conversations.treatAsOurClient(tenant, customerId, ourClient);
  }

  private Conversation published(Conversation conversation) {
    conversation.releaseEvents().forEach(outbox::publish);
    return conversation;
  }

  private Conversation current(TenantId tenant, long id, Long expectedVersion) {
    Conversation conversation = get(tenant, id);
    ConflictException.requireVersion("Conversation", id, expectedVersion, conversation.version());
    return conversation;
  }
}
