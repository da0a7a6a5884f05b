package io.deskbridge.core.sla;

import io.deskbridge.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** A tenant's stored SLA policies and support plans. */
public interface SlaPolicyRepository {

  List<TenantSlaPolicy> policies(TenantId tenant);

  Optional<TenantSlaPolicy> policy(TenantId tenant, long id);

  Optional<TenantSlaPolicy> policyNamed(TenantId tenant, String name);

  List<TenantSupportPlan> plans(TenantId tenant);

  Optional<TenantSupportPlan> plan(TenantId tenant, long id);

  Optional<TenantSupportPlan> planNamed(TenantId tenant, String name);

  boolean planUses(long policyId);

  /** Locks the tenant so that two first reads cannot both store the default policy and plans. */
  void lockTenant(TenantId tenant);

  void add(TenantSlaPolicy policy);

  void add(TenantSupportPlan plan);

  void remove(TenantSlaPolicy policy);

  void remove(TenantSupportPlan plan);
}
