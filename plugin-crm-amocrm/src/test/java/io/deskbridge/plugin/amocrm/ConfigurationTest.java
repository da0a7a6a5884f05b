package io.deskbridge.plugin.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.shared.FieldError;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  final FakeAmoCrm amo = new FakeAmoCrm();
  final AmoCrmPluginFactory factory = new AmoCrmPluginFactory();

  @AfterEach
  void stop() {
    amo.close();
  }

  @Test
  void isFoundByServiceLoaderWithTheContractKeys() {
    assertTrue(ServiceLoader.load(io.deskbridge.core.plugin.spi.PluginFactory.class).stream()
        .anyMatch(p -> p.get().id().equals("amocrm")));
    assertEquals(List.of("baseUrl", "authMode", "accessToken", "clientId", "clientSecret", "redirectUri",
        "pipelineId", "statusId", "syncInternalNotes", "webhookToken", "mode", "amojoBaseUrl", "channelId",
        "channelSecret", "channelBotId", "closedLeadPolicy", "categoryStages", "responsibleUsers", "fallbackUserId", "responsibleStrategy", "contactTags", "contactFields", "syncEvents"), factory.configSpec().stream().map(ConfigProperty::key).toList());
    assertEquals(List.of("accessToken", "clientSecret", "webhookToken", "channelSecret"),
        factory.configSpec().stream().filter(ConfigProperty::isSecret).map(ConfigProperty::key).toList());
  }

  @Test
  void eachAuthorisationNeedsItsOwnFields() {
    assertEquals(List.of(), factory.validate(TestTenant.withToken(amo).config()));
    TestTenant noToken = TestTenant.withToken(amo);
    noToken.settings.remove("accessToken");
    assertEquals(List.of("accessToken"), factory.validate(noToken.config()).stream().map(FieldError::field).toList());
    assertEquals(List.of(), factory.validate(TestTenant.withOAuth(amo).config()));
    TestTenant bareOAuth = TestTenant.withOAuth(amo);
    bareOAuth.settings.keySet().removeAll(List.of("clientId", "clientSecret", "redirectUri", "webhookToken"));
    assertEquals(List.of("clientId", "clientSecret", "redirectUri", "webhookToken"),
        factory.validate(bareOAuth.config()).stream().map(FieldError::field).toList());
  }

  @Test
  void anAdminChoosesWhatToSyncAndChatModeKeepsMessages() {
    TestTenant closingOnly = TestTenant.withToken(amo).with("syncEvents", List.of("conversation.closed"))
        .customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = closingOnly.plugin();
    assertTrue(plugin.wants(closingOnly.opened(81, 40)), "a new conversation always makes the lead");
    assertFalse(plugin.wants(TestTenant.customerSays(81, 1, "hello")));
    assertTrue(plugin.wants(TestTenant.closed(81)));
    assertTrue(TestTenant.withToken(amo).plugin().wants(TestTenant.customerSays(81, 1, "hello")),
        "by default everything syncs");

    try (FakeAmojo amojo = new FakeAmojo()) {
      TestTenant chat = TestTenant.withToken(amo).inChatMode(amojo).with("syncEvents", List.of("customer.updated"));
      assertEquals(List.of("syncEvents"), factory.validate(chat.config()).stream().map(FieldError::field).toList());
    }
  }
}
