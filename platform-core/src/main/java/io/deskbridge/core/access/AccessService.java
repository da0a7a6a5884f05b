package io.deskbridge.core.access;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.agent.AgentRepository;
import io.deskbridge.core.agent.PasswordHash;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Logs agents in, issues and revokes tokens and API keys, and tells who a bearer token is. */
@ApplicationScoped
@Transactional
public class AccessService {

  static final String AGENT_TOKEN_PREFIX = "dbt_";
  static final String API_KEY_PREFIX = "dbk_";
  private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

  private final TenantRepository tenants;
  private final AgentRepository agents;
  private final AccessRepository access;
  private final Clock clock;

  @Inject
  public AccessService(
      TenantRepository tenants, AgentRepository agents, AccessRepository access, Clock clock) {
    this.tenants = tenants;
    this.agents = agents;
    this.access = access;
    this.clock = clock;
  }

  protected AccessService() {
    this(null, null, null, null);
  }

  public Login login(String tenantSlug, String email, String password) {
    new Validation()
        .required("tenant", tenantSlug)
        .required("email", email)
        .required("password", password)
        .orThrow();
    Optional<Agent> agent =
        tenants
            .findBySlug(tenantSlug.trim())
            .flatMap(t -> agents.findByEmail(t.tenantId(), email));
    if (agent.isEmpty()) {
      PasswordHash.spendVerificationTime(password);
      throw new InvalidCredentialsException();
    }
    if (!agent.get().acceptsPassword(password)) {
      throw new InvalidCredentialsException();
    }
    Instant now = clock.instant();
    SecretToken secret = SecretToken.generate(AGENT_TOKEN_PREFIX);
    AgentToken token =
        new AgentToken(agent.get().tenantId(), agent.get().id(), secret, now, now.plus(TOKEN_LIFETIME));
    access.add(token);
    return new Login(secret, agent.get(), token.expiresAt());
  }

  /** Revokes the token the caller presented (logout); other sessions of the agent stay valid. */
  public void logout(String bearer) {
    access.findAgentToken(SecretToken.digestOf(bearer)).ifPresent(t -> t.revoke(clock.instant()));
  }

  /** Revokes every session of an agent, e.g. when they leave or their password changes. */
  public void revokeSessions(TenantId tenant, long agentId) {
    Instant now = clock.instant();
    access.validTokensOf(tenant, agentId).forEach(t -> t.revoke(now));
  }

  /** Resolves an agent token or API key of some tenant; empty when unknown, revoked or expired. */
  public Optional<Caller> authenticate(String bearer) {
    if (bearer.startsWith(API_KEY_PREFIX)) {
      return access
          .findTenantKey(SecretToken.digestOf(bearer))
          .filter(held -> !held.key().isRevoked())
          .map(held -> Caller.apiKey(held.key().tenantId(), held.tenantSlug(), held.key().scope()));
    }
    if (bearer.startsWith(AGENT_TOKEN_PREFIX)) {
      Instant now = clock.instant();
      return access
          .findAgentSession(SecretToken.digestOf(bearer))
          .filter(session -> session.token().isValidAt(now) && session.agent().isActive())
          .map(session -> Caller.agent(session.agent().tenantId(), session.tenantSlug(), session.agent().id(),
              session.agent().roles()));
    }
    return Optional.empty();
  }

  public IssuedApiKey createApiKey(TenantId tenant, String name, ApiKeyScope scope, Long createdBy) {
    new Validation()
        .required("name", name)
        .maxLength("name", name, 200)
        .required("scope", scope)
        .orThrow();
    SecretToken secret = SecretToken.generate(API_KEY_PREFIX);
    ApiKey key = new ApiKey(tenant, name.trim(), scope, secret, createdBy, clock.instant());
    access.add(key);
    return new IssuedApiKey(key, secret);
  }

  public List<ApiKey> apiKeys(TenantId tenant) {
    return access.apiKeys(tenant);
  }

  public ApiKey revokeApiKey(TenantId tenant, long id) {
    ApiKey key = access.findApiKey(tenant, id).orElseThrow(() -> new NotFoundException("API key", id));
    key.revoke(clock.instant());
    return key;
  }
}
