package io.deskbridge.core.access;

import io.deskbridge.core.agent.Role;
import io.deskbridge.core.tenant.TenantId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is making a request, as established from its bearer token: the platform admin, an agent of
 * one tenant (with their roles), or an API key of one tenant (with its scope).
 */
public record Caller(
    TenantId tenant, String tenantSlug, Long agentId, Set<Role> roles, ApiKeyScope keyScope) {

  public static Caller platformAdmin() {
    return new Caller(null, null, null, EnumSet.noneOf(Role.class), null);
  }

  public static Caller agent(TenantId tenant, String slug, long agentId, Set<Role> roles) {
    return new Caller(tenant, slug, agentId, Set.copyOf(roles), null);
  }

  public static Caller apiKey(TenantId tenant, String slug, ApiKeyScope scope) {
    return new Caller(tenant, slug, null, EnumSet.noneOf(Role.class), scope);
  }

  public boolean isPlatformAdmin() {
    return tenant == null;
  }

  public boolean isAgent() {
    return agentId != null;
  }

  public boolean belongsTo(String slug) {
    return tenantSlug != null && tenantSlug.equals(slug);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public boolean hasFullKey() {
    return keyScope == ApiKeyScope.FULL;
  }

  /** Agents act for themselves; a full-scope key acts for the tenant with no agent behind it. */
  public Optional<Long> actingAgent() {
    return Optional.ofNullable(agentId);
  }
}
