package io.deskbridge.plugin.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.shared.FieldError;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of issue 9: the module id, its keys and their defaults, and what a bad value says. */
class ConfigurationTest {

  final SlackForumPluginFactory factory = new SlackForumPluginFactory();

  @Test
  void theContractsKeysExistWithTheirDefaults() {
    assertEquals("slack-forum", factory.id());
    Map<String, ConfigProperty> spec = new HashMap<>();
    factory.configSpec().forEach(p -> spec.put(p.key(), p));
    assertEquals("https://slack.com/api/", spec.get("baseUrl").defaultValue());
    assertTrue(spec.get("botToken").isSecret() && spec.get("botToken").required());
    assertTrue(spec.get("signingSecret").isSecret() && spec.get("signingSecret").required());
    assertEquals("#forum", spec.get("channel").defaultValue());
    assertEquals("PT5M", spec.get("autoAfter").defaultValue());
  }

  @Test
  void badValuesNameTheirKey() {
    Map<String, Object> values = new HashMap<>();
    values.put("baseUrl", URI.create("https://slack.com/api"));
    values.put("channel", "my forum");
    values.put("categoryChannels", List.of("Billing"));
    values.put("autoAfter", "five minutes");

    List<String> keys = factory.validate(new PluginConfig(values)).stream().map(FieldError::field).toList();

    assertEquals(List.of("baseUrl", "channel", "categoryChannels", "autoAfter"), keys);
  }

  @Test
  void manualOnlyIsWrittenEmptyAsZeroOrAsManual() {
    assertTrue(factory.configSpec().stream().filter(p -> p.key().equals("autoAfter")).findFirst().orElseThrow()
        .emptyAllowed(), "an empty value is kept, not replaced by the default");
    for (String manual : List.of("", "PT0S", "manual")) {
      assertEquals(List.of(), factory.validate(new PluginConfig(Map.of("autoAfter", manual))));
      assertTrue(SlackForumConfig.from(new PluginConfig(Map.of("autoAfter", manual))).autoAfter().isEmpty());
    }
    assertEquals(java.util.Optional.of(java.time.Duration.ofMinutes(5)),
        SlackForumConfig.from(new PluginConfig(Map.of())).autoAfter());
  }

  @Test
  void theAskActionIsOffered() {
    try (FakeSlack slack = new FakeSlack()) {
      assertEquals(List.of("ask", "similar"),
          new TestTenant(slack).plugin().actions().stream().map(a -> a.id()).toList());
    }
  }
}
