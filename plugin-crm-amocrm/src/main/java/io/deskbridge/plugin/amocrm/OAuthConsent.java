package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.Mappings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The admin's consent to the OAuth integration. Deskbridge issues the consent link with a random
 * {@code state}; amoCRM sends it back on the redirect, so a redirect Deskbridge did not start (a
 * forged link that would connect someone else's account to this tenant) is refused. Each state works
 * once and for an hour.
 */
final class OAuthConsent {

  /** Why a redirect is refused, in words the admin who followed it can act on. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  static final Duration VALID_FOR = Duration.ofHours(1);
  private static final String STATE = "oauth-state";
  private static final String USED = "used";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AmoCrmConfig config;
  private final Mappings mappings;
  private final Clock clock;

  OAuthConsent(AmoCrmConfig config, Mappings mappings, Clock clock) {
    this.config = config;
    this.mappings = mappings;
    this.clock = clock;
  }

  /** A new consent link for the admin to open. */
  String link() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    mappings.remember(STATE, state, Long.toString(clock.instant().toEpochMilli()));
    // The consent page lives on the product's main site, not on the account's subdomain.
    String site = config.baseUrl().getHost().endsWith("kommo.com") ? "https://www.kommo.com" : "https://www.amocrm.ru";
    return site + "/oauth?client_id=" + encode(config.clientId().orElse("")) + "&state=" + state + "&mode=post_message";
  }

  /** Uses up the state of a redirect, or refuses the redirect. */
  void accept(Optional<String> state) {
    if (state.isEmpty() || state.get().isBlank()) {
      throw new Refused("The redirect carries no state. Start the connection from Deskbridge (Test connection"
          + " on the amoCRM module) and open the link it gives.");
    }
    Optional<String> issued = mappings.remoteId(STATE, state.get());
    if (issued.isEmpty() || issued.get().equals(USED)) {
      throw new Refused("This consent link was not issued by Deskbridge or was already used. Start again"
          + " from Test connection on the amoCRM module.");
    }
    if (clock.instant().isAfter(Instant.ofEpochMilli(Long.parseLong(issued.get())).plus(VALID_FOR))) {
      throw new Refused("This consent link expired. Start again from Test connection on the amoCRM module.");
    }
    if (!mappings.compareAndSet(STATE, state.get(), issued.get(), USED)) {
      throw new Refused("This consent link was already used. Start again from Test connection.");
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
