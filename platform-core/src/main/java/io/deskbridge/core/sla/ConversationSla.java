package io.deskbridge.core.sla;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.MessageRepository;
import io.deskbridge.core.conversation.StatusEntry;
import io.deskbridge.core.customer.Customer;
import io.deskbridge.core.customer.CustomerRepository;
import io.deskbridge.core.rules.SupportRules;
import io.deskbridge.core.rules.SupportRulesService;
import io.deskbridge.core.sla.ConversationTimeline.StatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a conversation stands against its SLA: which policy times it (our clients, plan, tenant
 * default), its timeline as stored (messages and status history), and the timers evaluated now.
 */
@ApplicationScoped
@Transactional
public class ConversationSla {

  private final MessageRepository messages;
  private final CustomerRepository customers;
  private final SlaCatalog catalog;
  private final SupportRulesService rules;
  private final SlaFacts storedFacts = new StoredFacts();

  @Inject
  public ConversationSla(MessageRepository messages, CustomerRepository customers, SlaCatalog catalog,
      SupportRulesService rules) {
    this.messages = messages;
    this.customers = customers;
    this.catalog = catalog;
    this.rules = rules;
  }

  protected ConversationSla() {
    this(null, null, null, null);
  }

  public ConversationSlaStatus status(Conversation conversation, Instant now) {
    return status(conversation, rules.rules(conversation.tenantId()), now);
  }

  public ConversationSlaStatus status(Conversation conversation, SupportRules tenantRules, Instant now) {
    return status(conversation, tenantRules, storedFacts, now);
  }

  /** The status from facts the caller has already read (the sweeper reads a batch's at once). */
  public ConversationSlaStatus status(Conversation conversation, SupportRules tenantRules, SlaFacts facts,
      Instant now) {
    Optional<TenantSupportPlan> plan = facts.plan(conversation);
    TenantSlaPolicy policy = facts.policyFor(conversation, tenantRules, plan);
    BusinessHours hours = calendarOf(tenantRules);
    SlaTimers timers = new SlaClock(policy.policy(), hours).timers(timeline(conversation, facts), now);
    Instant engageBy = plan.map(p -> p.timeToEngage().dueFrom(conversation.createdAt(), hours)).orElse(null);
    return new ConversationSlaStatus(policy.id(), policy.name(), plan.map(TenantSupportPlan::name).orElse(null),
        engageBy, timers);
  }

  /**
   * A calendar without open time would make business targets never fall due; until the admin fills
   * it in, business time counts as wall-clock time.
   */
  private static BusinessHours calendarOf(SupportRules tenantRules) {
    BusinessHours hours = tenantRules.businessHours();
    return hours.hasOpenTime() ? hours : BusinessHours.alwaysOpen(hours.zone());
  }

  ConversationTimeline timeline(Conversation conversation) {
    return timeline(conversation, storedFacts);
  }

  private static ConversationTimeline timeline(Conversation conversation, SlaFacts facts) {
    return new ConversationTimeline(conversation.createdAt(),
        facts.publicMessageTimes(conversation, AuthorType.CUSTOMER),
        facts.publicMessageTimes(conversation, AuthorType.AGENT),
        conversation.statusHistory().stream().map(ConversationSla::change).toList(),
        conversation.closedAt().orElse(null));
  }

  private static StatusChange change(StatusEntry entry) {
    return new StatusChange(entry.status(), entry.changedAt());
  }

  /** One conversation's facts, read from the store when asked. */
  private final class StoredFacts implements SlaFacts {

    @Override
    public Optional<TenantSupportPlan> plan(Conversation conversation) {
      return customers.findById(conversation.tenantId(), conversation.customerId())
          .flatMap(Customer::plan)
          .flatMap(name -> catalog.planNamed(conversation.tenantId(), name));
    }

    @Override
    public TenantSlaPolicy policyFor(Conversation conversation, SupportRules tenantRules,
        Optional<TenantSupportPlan> plan) {
      return catalog.policyFor(conversation.tenantId(), tenantRules, conversation.isOurClient(), plan);
    }

    @Override
    public List<Instant> publicMessageTimes(Conversation conversation, AuthorType author) {
      return messages.publicMessageTimes(conversation.tenantId(), conversation.id(), author);
    }
  }
}
