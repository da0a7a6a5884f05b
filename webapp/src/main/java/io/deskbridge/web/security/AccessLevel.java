package io.deskbridge.web.security;

/** Who may call an endpoint, from the most open to the most closed. */
public enum AccessLevel {
  /** No token needed (login). */
  ANONYMOUS,
  /** Any valid credential; for endpoints outside a tenant's path (logout, who am I). */
  AUTHENTICATED,
  /** Any credential of the tenant in the path, including an inbound-only API key. */
  INBOUND,
  /** Any agent of the tenant, or a full-scope API key. */
  STAFF,
  /** Agents with ADMIN or INTEGRATOR, or a full-scope API key: modules and API keys. */
  INTEGRATOR,
  /** Agents with ADMIN: the team and the tenant's settings. */
  ADMIN,
  /** The operator's platform admin token: tenants themselves. */
  PLATFORM
}
