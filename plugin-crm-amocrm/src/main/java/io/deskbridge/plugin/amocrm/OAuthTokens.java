package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.Lease;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.RequestPacer;
import io.deskbridge.core.plugin.spi.TokenVault;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The OAuth 2.0 grant of one tenant: exchanges the authorisation code, keeps the tokens sealed in
 * the mappings and refreshes them before they expire. A refresh token works once, so refreshes
 * take a cluster-wide {@link Lease}; a server that loses the race waits for the winner's tokens.
 */
final class OAuthTokens implements AccessTokens {

  private record Grant(String access, String refresh, Instant expiresAt) {}

  static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration WAIT_FOR_OTHER = Duration.ofSeconds(10);

  private final AmoCrmConfig config;
  private final Mappings mappings;
  private final TokenVault vault;
  private final Clock clock;
  private final RequestPacer pacer;
  private final HttpClient http;

  OAuthTokens(AmoCrmConfig config, Mappings mappings, TokenVault vault, Clock clock, RequestPacer pacer,
      HttpClient http) {
    this.config = config;
    this.mappings = mappings;
    this.vault = vault;
    this.clock = clock;
    this.pacer = pacer;
    this.http = http;
  }

  @Override
  public String current() {
    Grant grant = stored().orElseThrow(() -> AmoCallFailed.failed("amoCRM is not connected yet: open the"
        + " integration's consent page so amoCRM redirects to " + config.redirectUri().orElse("the redirect URI")));
    if (clock.instant().isAfter(grant.expiresAt().minus(REFRESH_BEFORE_EXPIRY))) {
      grant = refresh(grant);
    }
    return grant.access();
  }

  @Override
  public boolean renewAfterRejection(String token) {
    Optional<Grant> grant = stored();
    if (grant.isEmpty()) {
      return false;
    }
    if (!grant.get().access().equals(token)) {
      return true; // another job already renewed it
    }
    refresh(grant.get());
    return true;
  }

  boolean isConnected() {
    return stored().isPresent();
  }

  /** The admin's consent: amoCRM redirected with a single-use code. */
  void exchangeCode(String code) {
    store(request(Json.createObjectBuilder().add("grant_type", "authorization_code").add("code", code)));
  }

  private Grant refresh(Grant seen) {
    Lease lease = new Lease(mappings, "oauth-refresh", clock);
    if (!lease.tryAcquire(LEASE)) {
      return awaitOtherRefresh(seen);
    }
    try {
      Grant latest = stored().orElse(seen);
      if (!latest.refresh().equals(seen.refresh())) {
        return latest;
      }
      return store(request(Json.createObjectBuilder().add("grant_type", "refresh_token")
          .add("refresh_token", seen.refresh())));
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
    throw AmoCallFailed.retry(Duration.ofSeconds(2), "another server is refreshing the amoCRM token");
  }

  private JsonObject request(jakarta.json.JsonObjectBuilder grant) {
    JsonObject body = grant.add("client_id", config.clientId().orElseThrow())
        .add("client_secret", config.clientSecret().orElseThrow().reveal())
        .add("redirect_uri", config.redirectUri().orElseThrow()).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(config.base() + "/oauth2/access_token"))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return AmoApi.answer("POST /oauth2/access_token",
            AmoApi.exchange(request, "POST /oauth2/access_token", pacer, http))
        .orElseThrow(() -> AmoCallFailed.failed("amoCRM's token endpoint answered without tokens"))
        .asJsonObject();
  }

  private Grant store(JsonObject answer) {
    Grant grant = new Grant(answer.getString("access_token"), answer.getString("refresh_token"),
        clock.instant().plusSeconds(answer.getJsonNumber("expires_in").longValue()));
    String json = Json.createObjectBuilder().add("access", grant.access()).add("refresh", grant.refresh())
        .add("expiresAt", grant.expiresAt().toEpochMilli()).build().toString();
    mappings.remember("oauth", "grant", vault.seal(json));
    return grant;
  }

  private Optional<Grant> stored() {
    return mappings.remoteId("oauth", "grant").map(sealed -> vault.open(sealed, () -> AmoCallFailed.failed("the stored amoCRM tokens cannot be read (was the"
        + " client secret changed?): connect the integration again"))).map(s -> AmoApi.parse(s).asJsonObject())
        .map(o -> new Grant(o.getString("access"), o.getString("refresh"),
            Instant.ofEpochMilli(o.getJsonNumber("expiresAt").longValue())));
  }
}
