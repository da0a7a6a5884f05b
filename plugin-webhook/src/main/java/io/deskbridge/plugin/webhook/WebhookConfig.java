package io.deskbridge.plugin.webhook;

import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.EventTypes;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * One tenant's webhook settings, typed. The platform fills in the spec's defaults before a config
 * reaches a plugin; the same defaults are applied here so a config built by hand behaves alike.
 */
record WebhookConfig(URI url, Secret secret, Set<String> events, boolean includeInternal, Duration timeout) {

  WebhookConfig {
    events = Set.copyOf(events);
  }

  static WebhookConfig from(PluginConfig config) {
    return new WebhookConfig(
        config.uri(WebhookPluginFactory.URL.key()),
        config.secret(WebhookPluginFactory.SECRET.key()),
        config.value(WebhookPluginFactory.EVENTS.key()).isPresent()
            ? Set.copyOf(config.list(WebhookPluginFactory.EVENTS.key()))
            : Set.copyOf(EventTypes.names()),
        config.bool(WebhookPluginFactory.INCLUDE_INTERNAL.key()),
        config.value(WebhookPluginFactory.TIMEOUT.key()).isPresent()
            ? config.duration(WebhookPluginFactory.TIMEOUT.key())
            : Duration.parse(WebhookPluginFactory.TIMEOUT.defaultValue()));
  }

  /** Internal notes are staff-only, so they go out only when the tenant asked for them. */
  boolean covers(DomainEvent event) {
    if (!events.contains(event.type())) {
      return false;
    }
    return !(event instanceof MessageAdded message && message.isInternal()) || includeInternal;
  }

  /** Scheme, host and port only: a receiver URL may carry credentials in its user info or query. */
  String origin() {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  @Override
  public String toString() {
    return "WebhookConfig[url=" + origin() + "/…, secret=" + secret
        + ", events=" + events.stream().sorted().toList()
        + ", includeInternal=" + includeInternal + ", timeout=" + timeout + "]";
  }
}
