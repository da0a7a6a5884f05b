package io.deskbridge.plugin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.event.EventTypes;
import io.deskbridge.core.plugin.ModuleConfigs;
import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConfigType;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.plugin.spi.RateLimit;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.shared.FieldError;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WebhookPluginFactoryTest {

  private final WebhookPluginFactory factory = new WebhookPluginFactory();

  @Test
  void isDiscoveredThroughTheServiceLoaderAsWebhook() {
    List<String> ids = ServiceLoader.load(PluginFactory.class).stream()
        .filter(provider -> provider.type() == WebhookPluginFactory.class)
        .map(provider -> provider.get().id()).toList();

    assertEquals(List.of("webhook"), ids);
    assertEquals("Outgoing webhooks", factory.displayName());
    assertFalse(factory.description().isBlank());
  }

  @Test
  void versionIsTheOneTheModuleWasBuiltAs() {
    assertTrue(factory.version().matches("\\d+\\.\\d+\\.\\d+.*"), factory.version());
  }

  @Test
  void configKeysTypesAndDefaultsAreTheContract() {
    Map<String, ConfigProperty> spec = factory.configSpec().stream()
        .collect(Collectors.toMap(ConfigProperty::key, p -> p));

    assertEquals(List.of("url", "secret", "events", "includeInternal", "timeout"),
        factory.configSpec().stream().map(ConfigProperty::key).toList());
    assertEquals(ConfigType.URL, spec.get("url").type());
    assertTrue(spec.get("url").required());
    assertEquals(ConfigType.SECRET, spec.get("secret").type());
    assertTrue(spec.get("secret").required());
    assertEquals(ConfigType.LIST, spec.get("events").type());
    assertEquals(EventTypes.names(), spec.get("events").options());
    assertEquals(String.join(",", EventTypes.names()), spec.get("events").defaultValue());
    assertEquals(ConfigType.BOOLEAN, spec.get("includeInternal").type());
    assertEquals("false", spec.get("includeInternal").defaultValue());
    assertEquals(ConfigType.DURATION, spec.get("timeout").type());
    assertEquals("PT10S", spec.get("timeout").defaultValue());
  }

  @Test
  void platformTurnsTheDefaultsIntoAllEventsNoInternalNotesAndTenSeconds() {
    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(factory.configSpec(),
        Map.of("url", "https://hooks.example.test/in", "secret", "s3cret"), Map.of());

    assertEquals(List.of(), parsed.errors());
    WebhookConfig config = WebhookConfig.from(parsed.config());
    assertEquals(URI.create("https://hooks.example.test/in"), config.url());
    assertEquals(new Secret("s3cret"), config.secret());
    assertEquals(Set.copyOf(EventTypes.names()), config.events());
    assertFalse(config.includeInternal());
    assertEquals(Duration.ofSeconds(10), config.timeout());
    assertEquals(List.of(), factory.validate(parsed.config()));
  }

  @Test
  void refusesAnEmptyEventListAndATimeoutOverAMinute() {
    PluginConfig config = TestTenant.sendingTo(URI.create("https://hooks.example.test/in"))
        .events().with("timeout", Duration.ofMinutes(5)).config();

    assertEquals(List.of(new FieldError("events", "choose at least one event"),
        new FieldError("timeout", "must be at most PT1M")), factory.validate(config));
  }

  @Test
  void pacesAndRetriesLikeAWebhookSender() {
    assertEquals(new RateLimit(20, 20), factory.rateLimit());
    assertEquals(8, factory.maxAttempts());
  }
}
