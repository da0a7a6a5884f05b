package io.deskbridge.core.rules;

import io.deskbridge.core.autoclose.AutoClosePolicy;
import io.deskbridge.core.reply.SavedReplyRepository;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.sla.BusinessHours;
import io.deskbridge.core.sla.SlaPolicyRepository;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;

/** Reads a tenant's rules (the handbook defaults until an admin changes one) and changes them. */
@ApplicationScoped
@Transactional
public class SupportRulesService {

  private final SupportRulesRepository rules;
  private final TenantRepository tenants;
  private final SavedReplyRepository savedReplies;
  private final SlaPolicyRepository policies;

  @Inject
  public SupportRulesService(SupportRulesRepository rules, TenantRepository tenants,
      SavedReplyRepository savedReplies, SlaPolicyRepository policies) {
    this.rules = rules;
    this.tenants = tenants;
    this.savedReplies = savedReplies;
    this.policies = policies;
  }

  protected SupportRulesService() {
    this(null, null, null, null);
  }

  public SupportRules rules(TenantId tenant) {
    return rules.find(tenant).orElseGet(() -> SupportRules.defaults(tenant, tenant(tenant).timezone()));
  }

  public SupportRules changeAutoClose(TenantId tenant, AutoClosePolicy policy) {
    return change(tenant, r -> r.changeAutoClose(policy));
  }

  public SupportRules changeBusinessHours(TenantId tenant, BusinessHours hours) {
    return change(tenant, r -> r.changeBusinessHours(hours));
  }

  public SupportRules changeWorkflow(TenantId tenant, WorkflowOptions options) {
    if (options.vendorReplyId() != null) {
      savedReplies.findById(tenant, options.vendorReplyId())
          .orElseThrow(() -> new NotFoundException("Saved reply", options.vendorReplyId()));
    }
    if (options.defaultPolicyId() != null) {
      policies.policy(tenant, options.defaultPolicyId())
          .orElseThrow(() -> new NotFoundException("SLA policy", options.defaultPolicyId()));
    }
    if (options.ourClientsPolicyId() != null) {
      policies.policy(tenant, options.ourClientsPolicyId())
          .orElseThrow(() -> new NotFoundException("SLA policy", options.ourClientsPolicyId()));
    }
    return change(tenant, r -> r.changeWorkflow(options));
  }

  private SupportRules change(TenantId tenant, Consumer<SupportRules> change) {
    SupportRules stored = rules.findForChange(tenant).orElseGet(() -> {
      SupportRules defaults = SupportRules.defaults(tenant, tenant(tenant).timezone());
      rules.add(defaults);
      return defaults;
    });
    change.accept(stored);
    return stored;
  }

  private Tenant tenant(TenantId tenant) {
    return tenants.findById(tenant).orElseThrow(() -> new NotFoundException("Tenant", tenant.value()));
  }
}
