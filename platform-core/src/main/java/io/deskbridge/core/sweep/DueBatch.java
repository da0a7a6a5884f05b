package io.deskbridge.core.sweep;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.MessageRepository;
import io.deskbridge.core.conversation.MessageTime;
import io.deskbridge.core.customer.CustomerRepository;
import io.deskbridge.core.rules.SupportRules;
import io.deskbridge.core.rules.SupportRulesService;
import io.deskbridge.core.sla.SlaCatalog;
import io.deskbridge.core.sla.SlaFacts;
import io.deskbridge.core.sla.TenantSlaPolicy;
import io.deskbridge.core.sla.TenantSupportPlan;
import io.deskbridge.core.sweep.DueIndex.Alert;
import io.deskbridge.core.tenant.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the checks of a batch of due conversations read, fetched for the whole batch: one query per
 * kind of fact and tenant, and each tenant's rules, plans and policies once, instead of a dozen
 * queries per conversation. Lives for one transaction, so nothing in it can go stale.
 */
final class DueBatch implements SlaFacts {

  private final Map<Long, String> planNames = new HashMap<>();
  private final Map<Long, List<MessageTime>> messageTimes;
  private final Map<Long, Set<Alert>> alertsSent;
  private final Map<TenantId, SupportRules> rules = new HashMap<>();
  private final Map<PlanKey, Optional<TenantSupportPlan>> plans = new HashMap<>();
  private final Map<PolicyKey, TenantSlaPolicy> policies = new HashMap<>();
  private final SupportRulesService ruleBook;
  private final SlaCatalog catalog;

  DueBatch(List<Conversation> conversations, DueIndex index, CustomerRepository customers,
      MessageRepository messages, SupportRulesService ruleBook, SlaCatalog catalog) {
    this.ruleBook = ruleBook;
    this.catalog = catalog;
    Map<TenantId, List<Conversation>> byTenant =
        conversations.stream().collect(Collectors.groupingBy(Conversation::tenantId));
    this.messageTimes = byTenant.entrySet().stream()
        .flatMap(e -> messages.publicMessageTimes(e.getKey(), ids(e.getValue())).stream())
        .collect(Collectors.groupingBy(MessageTime::conversationId));
    byTenant.forEach((tenant, ofTenant) -> planNames.putAll(
        customers.planNames(tenant, ofTenant.stream().map(Conversation::customerId).collect(Collectors.toSet()))));
    this.alertsSent = index.alertsSent(ids(conversations));
  }

  SupportRules rules(TenantId tenant) {
    return rules.computeIfAbsent(tenant, ruleBook::rules);
  }

  Set<Alert> alertsSent(Conversation conversation) {
    return alertsSent.getOrDefault(conversation.id(), Set.of());
  }

  @Override
  public Optional<TenantSupportPlan> plan(Conversation conversation) {
    String name = planNames.get(conversation.customerId());
    if (name == null) {
      return Optional.empty();
    }
    return plans.computeIfAbsent(new PlanKey(conversation.tenantId(), name),
        key -> catalog.planNamed(key.tenant(), key.name()));
  }

  @Override
  public TenantSlaPolicy policyFor(Conversation conversation, SupportRules tenantRules,
      Optional<TenantSupportPlan> plan) {
    // Within one tenant the choice depends only on these two (the rules are the tenant's, read once).
    return policies.computeIfAbsent(
        new PolicyKey(conversation.tenantId(), conversation.isOurClient(), plan.map(TenantSupportPlan::id)),
        key -> catalog.policyFor(key.tenant(), tenantRules, key.ourClient(), plan));
  }

  @Override
  public List<Instant> publicMessageTimes(Conversation conversation, AuthorType author) {
    return messageTimes.getOrDefault(conversation.id(), List.of()).stream()
        .filter(time -> time.author() == author)
        .map(MessageTime::at)
        .toList();
  }

  private static List<Long> ids(List<Conversation> conversations) {
    return conversations.stream().map(Conversation::id).toList();
  }

  private record PlanKey(TenantId tenant, String name) {}

  private record PolicyKey(TenantId tenant, boolean ourClient, Optional<Long> plan) {}
}
