package io.deskbridge.plugin.webhook;

import io.deskbridge.core.event.EventTypes;
import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConfigType;
import io.deskbridge.core.plugin.spi.ModuleVersion;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.plugin.spi.RateLimit;
import io.deskbridge.core.shared.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Outgoing webhooks: every event a tenant chose is POSTed as signed JSON to the tenant's receiver,
 * as Chatwoot and Zendesk do. The configuration keys are a public contract; never rename one.
 */
public final class WebhookPluginFactory implements PluginFactory {

  public static final String ID = "webhook";

  static final ConfigProperty URL = ConfigProperty.of("url", ConfigType.URL, "Receiver URL")
      .required()
      .help("Deskbridge POSTs each event here as JSON.")
      .build();
  static final ConfigProperty SECRET = ConfigProperty.of("secret", ConfigType.SECRET, "Signing secret")
      .required()
      .help("Key of the HMAC-SHA256 in X-Deskbridge-Signature; the receiver checks it with the same key.")
      .build();
  static final ConfigProperty EVENTS = ConfigProperty.of("events", ConfigType.LIST, "Events")
      .options(EventTypes.names())
      .defaultValue(String.join(",", EventTypes.names()))
      .help("Which events to send.")
      .build();
  static final ConfigProperty INCLUDE_INTERNAL =
      ConfigProperty.of("includeInternal", ConfigType.BOOLEAN, "Send internal notes")
          .defaultValue("false")
          .help("Internal notes are staff-only; send them only to a receiver your staff alone can read.")
          .build();
  static final ConfigProperty TIMEOUT = ConfigProperty.of("timeout", ConfigType.DURATION, "Timeout")
      .defaultValue("PT10S")
      .help("How long to wait for the receiver's answer before trying again later (at most PT60S).")
      .build();

  /** An outbox worker waits this long at most for one receiver. */
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

  private final String version = ModuleVersion.of(WebhookPluginFactory.class);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Outgoing webhooks";
  }

  @Override
  public String description() {
    return "Posts the events you choose (new conversations, messages, assignments, closings…) as signed"
        + " JSON to your own URL.";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<ConfigProperty> configSpec() {
    return List.of(URL, SECRET, EVENTS, INCLUDE_INTERNAL, TIMEOUT);
  }

  @Override
  public List<FieldError> validate(PluginConfig config) {
    WebhookConfig webhook = WebhookConfig.from(config);
    List<FieldError> errors = new ArrayList<>();
    if (webhook.events().isEmpty()) {
      errors.add(new FieldError(EVENTS.key(), "choose at least one event"));
    }
    if (webhook.timeout().compareTo(MAX_TIMEOUT) > 0) {
      errors.add(new FieldError(TIMEOUT.key(), "must be at most " + MAX_TIMEOUT));
    }
    return errors;
  }

  @Override
  public RateLimit rateLimit() {
    return new RateLimit(20, 20);
  }

  @Override
  public int maxAttempts() {
    return 8;
  }

  @Override
  public Plugin create(PluginContext context) {
    return new WebhookPlugin(context, WebhookConfig.from(context.config()));
  }
}
