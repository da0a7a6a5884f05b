package io.deskbridge.core.tenant;

/**
 * What a new tenant starts with that other features own (the SLA package: its default policy and
 * support plans), stored when the tenant is created. Stored later, on first use, it would take a lock
 * on the tenant in the middle of whatever needed it first, and an agent's action and the sweeper could
 * then wait on each other.
 */
public interface TenantDefaults {

  void store(TenantId tenant);
}
