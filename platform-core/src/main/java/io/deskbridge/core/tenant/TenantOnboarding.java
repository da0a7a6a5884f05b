package io.deskbridge.core.tenant;

import io.deskbridge.core.agent.Agent;

/** Creates a tenant's first administrator; lives in the agent package, which owns agents. */
public interface TenantOnboarding {

  /** Validates the admin's fields; called before anything is written. */
  void validateFirstAdmin(NewTenant.FirstAdmin admin);

  Agent createFirstAdmin(Tenant tenant, NewTenant.FirstAdmin admin);
}
