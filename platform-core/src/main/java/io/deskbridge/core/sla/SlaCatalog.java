package io.deskbridge.core.sla;

import io.deskbridge.core.rules.SupportRules;
import io.deskbridge.core.rules.SupportRulesRepository;
import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.TenantDefaults;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's SLA policies and support plans. A tenant starts with the handbooks' defaults (policy
 * "Default" 1/5/30 minutes; plans Flow, Basic, Premium, VIP), stored with the tenant (on first use for
 * a tenant made before that) so that admins edit
 * them like any other; and it always keeps at least one policy, since every conversation needs one.
 */
@ApplicationScoped
@Transactional
public class SlaCatalog implements TenantDefaults {

  private final SlaPolicyRepository catalog;
  private final SupportRulesRepository rules;

  @Inject
  public SlaCatalog(SlaPolicyRepository catalog, SupportRulesRepository rules) {
    this.catalog = catalog;
    this.rules = rules;
  }

  protected SlaCatalog() {
    this(null, null);
  }

  public List<TenantSlaPolicy> policies(TenantId tenant) {
    return ensureDefaults(tenant);
  }

  /** A new tenant's default policy and plans, stored with the tenant itself. */
  @Override
  public void store(TenantId tenant) {
    ensureDefaults(tenant);
  }

  public TenantSlaPolicy policy(TenantId tenant, long id) {
    return catalog.policy(tenant, id).orElseThrow(() -> new NotFoundException("SLA policy", id));
  }

  public TenantSlaPolicy createPolicy(TenantId tenant, SlaPolicy policy) {
    ensureDefaults(tenant);
    requireFreePolicyName(tenant, policy.name(), null);
    TenantSlaPolicy stored = new TenantSlaPolicy(tenant, policy);
    catalog.add(stored);
    return stored;
  }

  public TenantSlaPolicy changePolicy(TenantId tenant, long id, SlaPolicy policy, Long expectedVersion) {
    TenantSlaPolicy stored = policy(tenant, id);
    ConflictException.requireVersion("SLA policy", id, expectedVersion, stored.version());
    requireFreePolicyName(tenant, policy.name(), id);
    stored.change(policy);
    return stored;
  }

  /** Refused while a plan or the tenant's rules use the policy, or when it is the last one. */
  public void deletePolicy(TenantId tenant, long id) {
    TenantSlaPolicy stored = policy(tenant, id);
    if (catalog.planUses(id)) {
      throw new ConflictException("policy-in-use", "SLA policy " + id + " is used by a support plan.");
    }
    Optional<SupportRules> tenantRules = rules.find(tenant);
    boolean named = tenantRules.flatMap(SupportRules::defaultPolicyId).filter(p -> p == id).isPresent()
        || tenantRules.flatMap(SupportRules::ourClientsPolicyId).filter(p -> p == id).isPresent();
    if (named) {
      throw new ConflictException("policy-in-use", "SLA policy " + id + " is named in the tenant's workflow settings.");
    }
    if (catalog.policies(tenant).size() == 1) {
      throw new ConflictException("last-policy", "A tenant keeps at least one SLA policy.");
    }
    catalog.remove(stored);
  }

  public List<TenantSupportPlan> plans(TenantId tenant) {
    ensureDefaults(tenant);
    return catalog.plans(tenant);
  }

  public TenantSupportPlan plan(TenantId tenant, long id) {
    return catalog.plan(tenant, id).orElseThrow(() -> new NotFoundException("Support plan", id));
  }

  public Optional<TenantSupportPlan> planNamed(TenantId tenant, String name) {
    return name == null || name.isBlank() ? Optional.empty() : catalog.planNamed(tenant, name);
  }

  public TenantSupportPlan createPlan(TenantId tenant, String name, SlaDuration timeToEngage, Long policyId) {
    ensureDefaults(tenant);
    validatePlan(name, timeToEngage, policyId);
    policy(tenant, policyId);
    requireFreePlanName(tenant, name, null);
    TenantSupportPlan plan = new TenantSupportPlan(tenant, name, timeToEngage, policyId);
    catalog.add(plan);
    return plan;
  }

  public TenantSupportPlan changePlan(TenantId tenant, long id, String name, SlaDuration timeToEngage,
      Long policyId, Long expectedVersion) {
    TenantSupportPlan plan = plan(tenant, id);
    ConflictException.requireVersion("Support plan", id, expectedVersion, plan.version());
    validatePlan(name, timeToEngage, policyId);
    policy(tenant, policyId);
    requireFreePlanName(tenant, name, id);
    plan.change(name, timeToEngage, policyId);
    return plan;
  }

  public void deletePlan(TenantId tenant, long id) {
    catalog.remove(plan(tenant, id));
  }

  /**
   * The policy that times a conversation (handbook 003, 004): for our clients the tenant's stricter
   * policy when one is set; else the customer's plan's; else the tenant's default; else its first.
   */
  public TenantSlaPolicy policyFor(TenantId tenant, SupportRules tenantRules, boolean ourClient,
      Optional<TenantSupportPlan> plan) {
    if (ourClient) {
      Optional<TenantSlaPolicy> strict = tenantRules.ourClientsPolicyId().flatMap(id -> catalog.policy(tenant, id));
      if (strict.isPresent()) {
        return strict.get();
      }
    }
    return plan
        .flatMap(p -> catalog.policy(tenant, p.policyId()))
        .or(() -> tenantRules.defaultPolicyId().flatMap(id -> catalog.policy(tenant, id)))
        .orElseGet(() -> policies(tenant).get(0));
  }

  /** The tenant's policies, storing the defaults first when it has none. */
  private List<TenantSlaPolicy> ensureDefaults(TenantId tenant) {
    List<TenantSlaPolicy> stored = catalog.policies(tenant);
    if (!stored.isEmpty()) {
      return stored;
    }
    catalog.lockTenant(tenant);
    stored = catalog.policies(tenant);
    if (!stored.isEmpty()) {
      return stored;
    }
    TenantSlaPolicy defaults = new TenantSlaPolicy(tenant, SlaPolicy.defaults());
    catalog.add(defaults);
    for (SupportPlan plan : SupportPlan.defaults()) {
      catalog.add(new TenantSupportPlan(tenant, plan.name(), plan.timeToEngage(), defaults.id()));
    }
    return List.of(defaults);
  }

  private static void validatePlan(String name, SlaDuration timeToEngage, Long policyId) {
    new Validation()
        .required("name", name)
        .maxLength("name", name, 100)
        .required("timeToEngage", timeToEngage)
        .required("policyId", policyId)
        .orThrow();
  }

  private void requireFreePolicyName(TenantId tenant, String name, Long except) {
    catalog.policyNamed(tenant, name).filter(p -> !p.id().equals(except)).ifPresent(p -> {
      throw new ConflictException("name-taken", "An SLA policy named '" + p.name() + "' exists: " + p.id() + ".");
    });
  }

  private void requireFreePlanName(TenantId tenant, String name, Long except) {
    catalog.planNamed(tenant, name).filter(p -> !p.id().equals(except)).ifPresent(p -> {
      throw new ConflictException("name-taken", "A support plan named '" + p.name() + "' exists: " + p.id() + ".");
    });
  }
}
