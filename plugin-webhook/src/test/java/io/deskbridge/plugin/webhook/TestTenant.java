package io.deskbridge.plugin.webhook;

import io.deskbridge.core.event.EventTypes;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.plugin.spi.testing.InMemoryMappings;
import io.deskbridge.core.plugin.spi.testing.RecordedNotes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tenant "acme" as the platform would hand it to the module: typed config, its context, a fixed clock. */
final class TestTenant {

  static final long ID = 7;
  static final String SLUG = "acme";
  static final String PUBLIC_URL = "https://desk.example.test";
  static final String SECRET = "whsec_c0rrect-h0rse-battery-staple";
  static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");

  private final Map<String, Object> settings = new HashMap<>();

  private TestTenant(URI url) {
    settings.put("url", url);
    settings.put("secret", new Secret(SECRET));
    settings.put("events", EventTypes.names());
    settings.put("includeInternal", false);
    settings.put("timeout", Duration.ofSeconds(2));
  }

  static TestTenant sendingTo(URI url) {
    return new TestTenant(url);
  }

  TestTenant with(String key, Object value) {
    settings.put(key, value);
    return this;
  }

  TestTenant without(String key) {
    settings.remove(key);
    return this;
  }

  TestTenant events(String... types) {
    return with("events", List.of(types));
  }

  PluginConfig config() {
    return new PluginConfig(settings);
  }

  PluginContext context() {
    return new PluginContext(ID, SLUG, config(), PUBLIC_URL, new InMemoryMappings(), new RecordedNotes(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  WebhookPlugin plugin() {
    return (WebhookPlugin) new WebhookPluginFactory().create(context());
  }
}
