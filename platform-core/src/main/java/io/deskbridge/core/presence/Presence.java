package io.deskbridge.core.presence;

import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Agents' typing and the live feed of a tenant, read from the database on each round so that every
 * instance of a cluster sees the same thing.
 */
@ApplicationScoped
@Transactional
public class Presence {

  /** A keystroke keeps "is typing…" up this long; the app repeats the signal while the agent types. */
  public static final Duration TYPING_LASTS = Duration.ofSeconds(5);

  private final PresenceRepository repository;
  private final Clock clock;

  /** For the CDI proxy. */
  protected Presence() {
    this(null, null);
  }

  @Inject
  public Presence(PresenceRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** The conversation must be the tenant's; the caller checks that first. */
  public Typing typing(TenantId tenant, long conversationId, long agentId) {
    Instant until = clock.instant().plus(TYPING_LASTS);
    repository.typing(tenant, conversationId, agentId, until);
    return new Typing(conversationId, agentId, null, until);
  }

  /** What changed in the tenant from {@code from} on, and who types now. */
  public LiveRead read(TenantId tenant, Instant from) {
    Instant now = clock.instant();
    return new LiveRead(repository.conversationsChangedSince(tenant, from), repository.messagesSince(tenant, from),
        repository.typingAt(tenant, now), now);
  }

  public Instant now() {
    return clock.instant();
  }
}
