package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.OAuthGrants.Grant;
import io.deskbridge.core.plugin.spi.OAuthGrants;
import io.deskbridge.core.plugin.spi.TokenVault;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * An installed app's OAuth tokens for one tenant, kept sealed in the mappings. An access token
 * lives an hour; on {@code expired_token} (or shortly before expiry) it is refreshed at the OAuth
 * server. A refresh token works once, so a refresh holds a cluster-wide {@link Lease}; a server
 * that loses the race waits for the winner's tokens instead of spending the old refresh token again.
 */
final class PortalGrant implements PortalAuth {

  private static final String TYPE = "oauth";

  private final BitrixConfig config;
  private final Mappings mappings;
  private final TokenVault seal;
  private final OAuthGrants grants;
  private final Clock clock;
  private final HttpClient http;

  PortalGrant(BitrixConfig config, Mappings mappings, TokenVault seal, Clock clock, HttpClient http) {
    this.config = config;
    this.mappings = mappings;
    this.seal = seal;
    this.grants = new OAuthGrants(mappings, seal, clock, PortalGrant::unreadable,
        () -> PortalCallFailed.retry(Duration.ofSeconds(2), "another server is refreshing the Bitrix24 token"));
    this.clock = clock;
    this.http = http;
  }

  @Override
  public Optional<String> accessToken() {
    Grant grant = grants.stored().or(this::configured).orElseThrow(() -> PortalCallFailed.failed("Bitrix24 is not"
        + " connected yet: install the app (its install handler is /hooks/{tenant}/bitrix24/install) or enter"
        + " accessToken and refreshToken"));
    if (grants.isDue(grant)) {
      grant = grants.refresh(grant, this::exchange);
    }
    return Optional.of(grant.access());
  }

  @Override
  public boolean renewAfterExpiry(String token) {
    Grant grant = grants.stored().or(this::configured).orElse(null);
    if (grant == null) {
      return false;
    }
    if (!grant.access().equals(token)) {
      return true; // another job already renewed it
    }
    grants.refresh(grant, this::exchange);
    return true;
  }

  /** ONAPPINSTALL: the portal handed the app its first tokens. */
  void install(String access, String refresh, long expiresInSeconds) {
    grants.store(new Grant(access, refresh, Optional.of(clock.instant().plusSeconds(expiresInSeconds))));
  }

  /** The application token an install delivered, for verifying later events. */
  Optional<String> applicationToken() {
    return mappings.remoteId(TYPE, "application-token").filter(s -> !s.isEmpty()).map(this::open);
  }

  /** Remembers the install's application token unless one is already known; @return whether it was new. */
  boolean adoptApplicationToken(String token) {
    Optional<String> current = mappings.remoteId(TYPE, "application-token");
    return current.filter(s -> !s.isEmpty()).isEmpty()
        && mappings.compareAndSet(TYPE, "application-token", current.orElse(null), seal.seal(token));
  }

  /** ONAPPUNINSTALL: the tokens are dead; a later install is trusted as a first one. */
  void forget() {
    grants.forget();
    mappings.remember(TYPE, "application-token", "");
  }



  private Grant exchange(String refreshToken) {
    String url = config.oauthServerUrl().toString().replaceAll("/+$", "") + "/oauth/token/?grant_type=refresh_token"
        + "&client_id=" + encode(config.clientId().orElseThrow())
        + "&client_secret=" + encode(config.clientSecret().orElseThrow().reveal())
        + "&refresh_token=" + encode(refreshToken);
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw PortalCallFailed.retry(null, "Bitrix24's OAuth server did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PortalCallFailed.retry(null, "interrupted while refreshing the Bitrix24 token");
    }
    Optional<JsonObject> body = Portal.json(response.body());
    if (response.statusCode() >= 500 || body.isEmpty()) {
      throw PortalCallFailed.retry(null, "Bitrix24's OAuth server answered " + response.statusCode());
    }
    if (response.statusCode() != 200 || body.get().containsKey("error")) {
      throw PortalCallFailed.failed("Bitrix24 refused to refresh the token with " + response.statusCode()
          + Portal.describe(body, response.body()) + "; install the app again").refusedByPortal();
    }
    JsonObject tokens = body.get();
    return new Grant(tokens.getString("access_token"), tokens.getString("refresh_token"),
        Optional.of(clock.instant().plusSeconds(tokens.getJsonNumber("expires_in").longValue())));
  }



  private Optional<Grant> configured() {
    if (config.accessToken().isEmpty() || config.refreshToken().isEmpty()) {
      return Optional.empty();
    }
    // Tokens typed into the configuration: when they expire is not known until Bitrix24 says so.
    return Optional.of(new Grant(config.accessToken().get().reveal(), config.refreshToken().get().reveal(),
        Optional.empty()));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String open(String sealed) {
    return seal.open(sealed, PortalGrant::unreadable);
  }

  private static PortalCallFailed unreadable() {
    return PortalCallFailed.failed("the stored Bitrix24 tokens cannot be read (was the application key"
        + " changed?): install the app again");
  }
}
