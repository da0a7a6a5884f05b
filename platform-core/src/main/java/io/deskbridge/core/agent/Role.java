package io.deskbridge.core.agent;

/**
 * What a tenant user may do. ADMIN manages agents and settings, INTEGRATOR manages modules and API
 * keys, AGENT works conversations. A person may hold several roles.
 */
public enum Role {
  ADMIN,
  AGENT,
  INTEGRATOR
}
