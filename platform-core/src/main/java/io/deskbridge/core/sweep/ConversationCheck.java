package io.deskbridge.core.sweep;

import io.deskbridge.core.autoclose.AutoCloseDecision;
import io.deskbridge.core.autoclose.AutoClosePolicy;
import io.deskbridge.core.autoclose.ConversationSilence;
import io.deskbridge.core.autoclose.SilentConversationRule;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.conversation.MessageRepository;
import io.deskbridge.core.conversation.PublicMessage;
import io.deskbridge.core.conversation.SystemNotices;
import io.deskbridge.core.customer.Customer;
import io.deskbridge.core.customer.CustomerRepository;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.SlaBreached;
import io.deskbridge.core.event.SlaWarned;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.rules.SupportRules;
import io.deskbridge.core.rules.SupportRulesService;
import io.deskbridge.core.sla.ConversationSla;
import io.deskbridge.core.sla.SlaCatalog;
import io.deskbridge.core.sla.ConversationSlaStatus;
import io.deskbridge.core.sla.SlaState;
import io.deskbridge.core.sla.SlaTimer;
import io.deskbridge.core.sweep.DueIndex.Alert;
import io.deskbridge.core.sweep.DueIndex.NextCheck;
import io.deskbridge.core.sweep.DueIndex.SentAlert;
import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A batch of due conversations, in one transaction under their row locks: for each, send the "still
 * relevant?" prompt or close it for silence, announce SLA warnings and breaches once per timer cycle,
 * and index when it is due next. Everything a batch does commits together with its outbox events, or
 * not at all; one transaction per batch rather than per conversation, because a commit waits for the
 * disk and was a third of a conversation's cost.
 */
@ApplicationScoped
public class ConversationCheck {

  /** A deadline that is exactly now shows its breach from the next instant on. */
  private static final Duration JUST_AFTER = Duration.ofMillis(1);

  private final DueIndex index;
  private final SupportRulesService rules;
  private final ConversationSla sla;
  private final SlaCatalog catalog;
  private final MessageRepository messages;
  private final CustomerRepository customers;
  private final TenantRepository tenants;
  private final SystemNotices notices;
  private final Outbox outbox;

  @Inject
  public ConversationCheck(DueIndex index, SupportRulesService rules, ConversationSla sla, SlaCatalog catalog,
      MessageRepository messages, CustomerRepository customers, TenantRepository tenants,
      SystemNotices notices, Outbox outbox) {
    this.index = index;
    this.rules = rules;
    this.sla = sla;
    this.catalog = catalog;
    this.messages = messages;
    this.customers = customers;
    this.tenants = tenants;
    this.notices = notices;
    this.outbox = outbox;
  }

  protected ConversationCheck() {
    this(null, null, null, null, null, null, null, null, null);
  }

  /**
   * Checks those of the conversations that are still due and that no other transaction holds.
   *
   * @return how many this call checked (the others were no longer due, or are another's to check)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int checkAll(List<Long> ids, Instant now) {
    List<Conversation> due = index.lockDue(ids, now);
    if (due.isEmpty()) {
      return 0;
    }
    DueBatch batch = new DueBatch(due, index, customers, messages, rules, catalog);
    List<DomainEvent> events = new ArrayList<>();
    List<SentAlert> alerts = new ArrayList<>();
    List<NextCheck> moves = new ArrayList<>();
    for (Conversation conversation : due) {
      check(conversation, batch, now, events, alerts, moves);
    }
    index.recordAlerts(alerts, now);
    index.reschedule(moves);
    outbox.publishAll(events);
    return due.size();
  }

  /** The ids due now, read in a transaction of their own (the sweeper's thread has none). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> dueAt(Instant now, int limit) {
    return index.due(now, limit);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void postpone(long id, Instant at) {
    index.reschedule(id, at);
  }

  private void check(Conversation conversation, DueBatch batch, Instant now, List<DomainEvent> events,
      List<SentAlert> alerts, List<NextCheck> moves) {
    SupportRules tenantRules = batch.rules(conversation.tenantId());
    SilentConversationRule silenceRule = new SilentConversationRule(tenantRules.autoClosePolicy());
    ConversationSilence silence = silenceOf(conversation);
    boolean changed = applyAutoClose(conversation, tenantRules.autoClosePolicy(), silenceRule, silence, now);
    // A prompt or a close changes the silence; otherwise the one read above still holds.
    ConversationSilence after = changed ? silenceOf(conversation) : silence;
    ConversationSlaStatus status = sla.status(conversation, tenantRules, batch, now);
    announceAlerts(conversation, status, batch.alertsSent(conversation), now, events, alerts);
    Optional<Instant> next = Stream.of(status.timers().nextDeadline(),
            silenceRule.nextCheck(after, now))
        .flatMap(Optional::stream)
        .min(Instant::compareTo)
        .map(at -> at.isAfter(now) ? at : now.plus(JUST_AFTER));
    if (changed) {
      events.addAll(conversation.releaseEvents());
      conversation.scheduleCheck(next.orElse(null));
    } else {
      moves.add(new NextCheck(conversation.id(), next.orElse(null)));
    }
  }

  private boolean applyAutoClose(Conversation conversation, AutoClosePolicy policy,
      SilentConversationRule rule, ConversationSilence silence, Instant now) {
    AutoCloseDecision decision = rule.decide(silence, now);
    if (decision instanceof AutoCloseDecision.SendPrompt) {
      notices.send(conversation, policy.prompt(languageOf(conversation)), now);
      conversation.recordPrompt(now);
      return true;
    }
    if (decision instanceof AutoCloseDecision.Close close) {
      conversation.closeFor(close.reason(), now);
      return true;
    }
    return false;
  }

  private ConversationSilence silenceOf(Conversation conversation) {
    Instant agentWrote = conversation.lastAgentMessageAt().orElse(null);
    boolean candidate = agentWrote != null
        && (conversation.status() == ConversationStatus.OPEN
            || conversation.status() == ConversationStatus.WAITING_ON_CUSTOMER);
    String lastText = candidate
        ? messages.lastAgentReply(conversation.tenantId(), conversation.id()).map(PublicMessage::text).orElse(null)
        : null;
    return new ConversationSilence(conversation.status(), agentWrote, lastText, conversation.lastReplyOnHold(),
        conversation.lastCustomerMessageAt().orElse(null), conversation.promptSentAt().orElse(null));
  }

  private void announceAlerts(Conversation conversation, ConversationSlaStatus status, Set<Alert> sent,
      Instant now, List<DomainEvent> events, List<SentAlert> alerts) {
    for (SlaTimer timer : status.timers().timers()) {
      if (timer.state() == SlaState.AT_RISK) {
        Alert warning = new Alert(timer.target(), timer.startedAt(), Alert.Kind.WARNED);
        if (!sent.contains(warning)) {
          alerts.add(new SentAlert(conversation.id(), warning));
          events.add(new SlaWarned(conversation.tenantId().value(), conversation.id(), timer.target(),
              timer.startedAt(), timer.dueAt(), status.policyName(), now));
        }
      } else if (timer.state() == SlaState.BREACHED) {
        Alert breach = new Alert(timer.target(), timer.startedAt(), Alert.Kind.BREACHED);
        if (!sent.contains(breach)) {
          alerts.add(new SentAlert(conversation.id(), breach));
          events.add(new SlaBreached(conversation.tenantId().value(), conversation.id(), timer.target(),
              timer.startedAt(), timer.dueAt(), status.policyName(), now));
        }
      }
    }
  }

  private Language languageOf(Conversation conversation) {
    return customers.findById(conversation.tenantId(), conversation.customerId())
        .flatMap(Customer::language)
        .or(() -> tenants.findById(conversation.tenantId()).map(Tenant::language))
        .orElse(Language.EN);
  }
}
