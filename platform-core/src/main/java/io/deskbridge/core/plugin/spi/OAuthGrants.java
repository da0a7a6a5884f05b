package io.deskbridge.core.plugin.spi;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One tenant's OAuth 2.0 grant at a vendor, sealed in the module's mappings, and its refresh. A
 * refresh token works once, so a refresh holds a cluster-wide {@link Lease}; a server that loses the
 * race waits for the winner's tokens instead of spending the old refresh token again (which would
 * revoke the grant and force the admin to connect the integration anew).
 */
public final class OAuthGrants {

  /** Access and refresh token; {@code expiresAt} empty when the vendor has not said (typed-in tokens). */
  public record Grant(String access, String refresh, Optional<Instant> expiresAt) {}

  /** Refresh this long before the access token expires, so no call is made with a dying token. */
  public static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration WAIT_FOR_OTHER = Duration.ofSeconds(10);
  private static final String TYPE = "oauth";
  private static final String GRANT = "grant";

  private final Mappings mappings;
  private final TokenVault vault;
  private final Clock clock;
  private final Supplier<? extends RuntimeException> unreadable;
  private final Supplier<? extends RuntimeException> busy;

  /**
   * @param unreadable thrown when the stored grant was sealed with another secret
   * @param busy thrown when another server's refresh did not finish in time (the job should retry)
   */
  public OAuthGrants(Mappings mappings, TokenVault vault, Clock clock,
      Supplier<? extends RuntimeException> unreadable, Supplier<? extends RuntimeException> busy) {
    this.mappings = mappings;
    this.vault = vault;
    this.clock = clock;
    this.unreadable = unreadable;
    this.busy = busy;
  }

  public Optional<Grant> stored() {
    return mappings.remoteId(TYPE, GRANT).filter(s -> !s.isEmpty()).map(s -> vault.open(s, unreadable))
        .map(s -> Json.createReader(new StringReader(s)).readObject()).map(OAuthGrants::grant);
  }

  public Grant store(Grant grant) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("access", grant.access()).add("refresh", grant.refresh())
        .add("expiresAt", grant.expiresAt().map(Instant::toEpochMilli).orElse(-1L));
    mappings.remember(TYPE, GRANT, vault.seal(json.build().toString()));
    return grant;
  }

  /** The vendor revoked the grant (an uninstalled app): nothing is stored any more. */
  public void forget() {
    mappings.remember(TYPE, GRANT, "");
  }

  /** Whether the access token expires within {@link #REFRESH_BEFORE_EXPIRY}. */
  public boolean isDue(Grant grant) {
    return grant.expiresAt().map(at -> clock.instant().isAfter(at.minus(REFRESH_BEFORE_EXPIRY))).orElse(false);
  }

  /**
   * The grant after {@code seen}: refreshed here with {@code exchange} (refresh token → new grant)
   * under the lease, or the one another server just stored.
   */
  public Grant refresh(Grant seen, Function<String, Grant> exchange) {
    Lease lease = new Lease(mappings, "oauth-refresh", clock);
    if (!lease.tryAcquire(LEASE)) {
      return awaitOtherRefresh(seen);
    }
    try {
      Grant latest = stored().orElse(seen);
      if (!latest.refresh().equals(seen.refresh())) {
        return latest;
      }
      return store(exchange.apply(seen.refresh()));
    } finally {
      lease.release();
    }
  }

  private Grant awaitOtherRefresh(Grant seen) {
    Instant giveUp = clock.instant().plus(WAIT_FOR_OTHER);
    while (clock.instant().isBefore(giveUp)) {
      Optional<Grant> latest = stored();
      if (latest.isPresent() && !latest.get().refresh().equals(seen.refresh())) {
        return latest.get();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw busy.get();
  }

  private static Grant grant(JsonObject o) {
    JsonNumber at = o.getJsonNumber("expiresAt");
    Optional<Instant> expiresAt = at == null || at.longValue() < 0 ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(at.longValue()));
    return new Grant(o.getString("access"), o.getString("refresh"), expiresAt);
  }
}
