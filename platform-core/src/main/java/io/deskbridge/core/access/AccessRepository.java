package io.deskbridge.core.access;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Stored credentials: agent tokens, API keys and the platform admin token's digest. */
public interface AccessRepository {

  Optional<AgentToken> findAgentToken(String digest);

  /** A token with its agent and its tenant's slug in one read: every API call needs all three. */
  Optional<AgentSession> findAgentSession(String digest);

  /** A key with its tenant's slug in one read. */
  Optional<TenantKey> findTenantKey(String digest);

  record AgentSession(AgentToken token, Agent agent, String tenantSlug) {}

  record TenantKey(ApiKey key, String tenantSlug) {}

  void add(AgentToken token);

  List<AgentToken> validTokensOf(TenantId tenant, long agentId);

  Optional<ApiKey> findApiKey(TenantId tenant, long id);

  List<ApiKey> apiKeys(TenantId tenant);

  void add(ApiKey key);

  Optional<PlatformSetting> setting(String name);

  void add(PlatformSetting setting);

  void remove(PlatformSetting setting);
}
