package io.deskbridge.core.access;

import io.deskbridge.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Stored credentials: agent tokens, API keys and the platform admin token's digest. */
public interface AccessRepository {

  Optional<AgentToken> findAgentToken(String digest);

  void add(AgentToken token);

  List<AgentToken> validTokensOf(TenantId tenant, long agentId);

  Optional<ApiKey> findApiKey(String digest);

  Optional<ApiKey> findApiKey(TenantId tenant, long id);

  List<ApiKey> apiKeys(TenantId tenant);

  void add(ApiKey key);

  Optional<PlatformSetting> setting(String name);

  void add(PlatformSetting setting);

  void remove(PlatformSetting setting);
}
