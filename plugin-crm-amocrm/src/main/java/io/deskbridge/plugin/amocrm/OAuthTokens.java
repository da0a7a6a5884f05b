package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.OAuthGrants;
import io.deskbridge.core.plugin.spi.OAuthGrants.Grant;
import io.deskbridge.core.plugin.spi.RequestPacer;
import io.deskbridge.core.plugin.spi.TokenVault;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The OAuth 2.0 grant of one tenant at amoCRM: exchanges the authorisation code, and refreshes the
 * tokens (one server at a time, see {@link OAuthGrants}) before they expire or after amoCRM rejects one.
 */
final class OAuthTokens implements AccessTokens {

  private final AmoCrmConfig config;
  private final OAuthGrants grants;
  private final Clock clock;
  private final RequestPacer pacer;
  private final HttpClient http;

  OAuthTokens(AmoCrmConfig config, Mappings mappings, TokenVault vault, Clock clock, RequestPacer pacer,
      HttpClient http) {
    this.config = config;
    this.grants = new OAuthGrants(mappings, vault, clock,
        () -> AmoCallFailed.failed("the stored amoCRM tokens cannot be read (was the client secret changed?):"
            + " connect the integration again"),
        () -> AmoCallFailed.retry(Duration.ofSeconds(2), "another server is refreshing the amoCRM token"));
    this.clock = clock;
    this.pacer = pacer;
    this.http = http;
  }

  @Override
  public String current() {
    Grant grant = grants.stored().orElseThrow(() -> AmoCallFailed.failed("amoCRM is not connected yet: open the"
        + " integration's consent page so amoCRM redirects to " + config.redirectUri().orElse("the redirect URI")));
    if (grants.isDue(grant)) {
      grant = grants.refresh(grant, this::refreshed);
    }
    return grant.access();
  }

  @Override
  public boolean renewAfterRejection(String token) {
    Optional<Grant> grant = grants.stored();
    if (grant.isEmpty()) {
      return false;
    }
    if (!grant.get().access().equals(token)) {
      return true; // another job already renewed it
    }
    grants.refresh(grant.get(), this::refreshed);
    return true;
  }

  boolean isConnected() {
    return grants.stored().isPresent();
  }

  /** The admin's consent: amoCRM redirected with a single-use code. */
  void exchangeCode(String code) {
    grants.store(grant(request(Json.createObjectBuilder().add("grant_type", "authorization_code")
        .add("code", code))));
  }

  private Grant refreshed(String refreshToken) {
    return grant(request(Json.createObjectBuilder().add("grant_type", "refresh_token")
        .add("refresh_token", refreshToken)));
  }

  private JsonObject request(JsonObjectBuilder grant) {
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

  private Grant grant(JsonObject answer) {
    return new Grant(answer.getString("access_token"), answer.getString("refresh_token"),
        Optional.of(clock.instant().plusSeconds(answer.getJsonNumber("expires_in").longValue())));
  }
}
