package io.deskbridge.core.rules;

import io.deskbridge.core.tenant.TenantId;
import java.util.Optional;

public interface SupportRulesRepository {

  Optional<SupportRules> find(TenantId tenant);

  /**
   * The stored rules for a change, with the tenant locked so that two admins saving a tenant's
   * first change cannot both insert its row.
   */
  Optional<SupportRules> findForChange(TenantId tenant);

  void add(SupportRules rules);
}
