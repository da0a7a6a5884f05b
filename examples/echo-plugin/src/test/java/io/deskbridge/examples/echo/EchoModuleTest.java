package io.deskbridge.examples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.event.CustomerUpdated;
import io.deskbridge.core.plugin.spi.CardEntry;
import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConfigType;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginApi;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.plugin.spi.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What Deskbridge sees of the module outside its webhook: discovery, catalogue entry, card, events. */
class EchoModuleTest {

  @Test
  void isDiscoveredThroughTheServiceFile() {
    List<String> ids = ServiceLoader.load(PluginFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f instanceof EchoPluginFactory)
        .map(PluginFactory::id)
        .toList();

    assertEquals(List.of("echo"), ids);
  }

  @Test
  void describesATokenThatIsASecretAndAPrefixWithADefault() {
    PluginFactory factory = new EchoPluginFactory();

    assertEquals("Echo (example plugin)", factory.displayName());
    assertEquals("1.0.0", factory.version());
    ConfigProperty token = factory.configSpec().get(0);
    assertEquals("token", token.key());
    assertEquals(ConfigType.SECRET, token.type());
    assertTrue(token.required());
    assertEquals("Callers of the webhook send it as X-Echo-Token", token.help());
    ConfigProperty prefix = factory.configSpec().get(1);
    assertEquals("prefix", prefix.key());
    assertEquals(ConfigType.STRING, prefix.type());
    assertFalse(prefix.required());
    assertEquals("Echo: ", prefix.defaultValue());
  }

  @Test
  void addsOneLineToTheCustomerCard() {
    assertEquals(List.of(new CardEntry("Echo", "installed", null)), plugin().customerCard(42));
  }

  @Test
  void queuesNoEventAndFailsAnyJobItIsHandedAnyway() {
    Plugin plugin = plugin();
    CustomerUpdated event = new CustomerUpdated(7, 42, Instant.parse("2025-01-01T00:00:00Z"));

    assertFalse(plugin.wants(event));
    DeliveryResult result = plugin.deliver(new Delivery(1, "echo:1", 1, event, null));
    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertEquals("echo has no outgoing jobs", result.detail());
  }

  @Test
  void needsNoConnection() {
    assertTrue(plugin().testConnection().ok());
  }

  @Test
  void theJarDeclaresTheSpiVersionItIsCompiledAgainst() throws IOException {
    Properties build = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/echo-plugin-build.properties")) {
      build.load(in);
    }

    assertEquals(Integer.toString(PluginApi.VERSION), build.getProperty("deskbridge.plugin.api"),
        "pom.xml <deskbridge.plugin.api> (the manifest's " + PluginApi.MANIFEST_ATTRIBUTE + ") must match the SPI");
  }

  private static Plugin plugin() {
    PluginConfig config = new PluginConfig(Map.of("token", new Secret("t0k"), "prefix", "Echo: "));
    return new EchoPluginFactory().create(new PluginContext(7, "acme", config, "http://localhost:8080",
        new InMemoryMappings(), new InMemoryNotes(), Clock.systemUTC()));
  }
}
