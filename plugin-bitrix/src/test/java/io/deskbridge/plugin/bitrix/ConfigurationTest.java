package io.deskbridge.plugin.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.plugin.spi.RateLimit;
import io.deskbridge.core.shared.FieldError;
import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  final FakeBitrix24 bitrix = new FakeBitrix24();
  final BitrixPluginFactory factory = new BitrixPluginFactory();

  @AfterEach
  void stop() {
    bitrix.close();
  }

  @Test
  void isFoundByServiceLoaderWithTheContractKeys() {
    assertTrue(ServiceLoader.load(PluginFactory.class).stream().anyMatch(p -> p.get().id().equals("bitrix24")));
    List<String> keys = factory.configSpec().stream().map(ConfigProperty::key).toList();
    assertTrue(keys.containsAll(List.of("baseUrl", "authMode", "clientId", "clientSecret", "entity",
        "applicationToken", "syncInternalNotes", "mode", "openLineId", "accessToken", "refreshToken")), keys::toString);
    assertEquals(List.of("clientSecret", "applicationToken", "accessToken", "refreshToken"),
        factory.configSpec().stream().filter(ConfigProperty::isSecret).map(ConfigProperty::key).toList());
    ConfigProperty mode = factory.configSpec().stream().filter(p -> p.key().equals("mode")).findFirst().orElseThrow();
    assertEquals("timeline", mode.defaultValue());
    assertEquals(List.of("timeline", "openlines"), mode.options());
    assertFalse(factory.version().isBlank());
  }

  @Test
  void declaresThePortalsBucketOfTwoPerSecondWithABurstOfFifty() {
    assertEquals(new RateLimit(2, 50), factory.rateLimit());
  }

  @Test
  void takesUpToFiftyQueuedMessagesAtOnceAsOneBatchHolds() {
    assertEquals(50, factory.batchSize());
  }

  @Test
  void openlinesModeWithAnInstalledAppAndALineIsAccepted() {
    assertEquals(List.of(), factory.validate(TestTenant.withOAuth(bitrix).with("mode", "openlines")
        .with("openLineId", "3").config()));
  }

  @Test
  void eachAuthorisationNeedsItsOwnFields() {
    assertEquals(List.of(), factory.validate(TestTenant.withWebhook(bitrix).config()));
    assertEquals(List.of("baseUrl"), factory.validate(TestTenant.withWebhook(bitrix)
        .with("baseUrl", URI.create(bitrix.restUrl())).config()).stream().map(FieldError::field).toList());
    assertEquals(List.of(), factory.validate(TestTenant.withOAuth(bitrix).config()));
    TestTenant bare = TestTenant.withOAuth(bitrix);
    bare.settings.keySet().removeAll(List.of("clientId", "clientSecret"));
    assertEquals(List.of("clientId", "clientSecret"),
        factory.validate(bare.config()).stream().map(FieldError::field).toList());
  }

  @Test
  void pipelinesAreForDealsAndMappingsNeedKeyEqualsValue() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("entity", "lead").with("categoryId", 2L)
        .with("closeStages", List.of("How-to=WON", "WON")).with("responsibleUsers", List.of("3=17", "Ivan=17"));
    assertEquals(List.of("categoryId", "closeStages", "responsibleUsers"),
        factory.validate(t.config()).stream().map(FieldError::field).toList());
  }

  @Test
  void testConnectionNamesTheWebhooksUserOrBitrix24sError() {
    ConnectionCheck ok = TestTenant.withWebhook(bitrix).plugin().testConnection();
    assertTrue(ok.ok() && ok.detail().endsWith("as Ivan Admin (user 1)"), ok.detail());
    ConnectionCheck wrongCode = TestTenant.withWebhook(bitrix)
        .with("baseUrl", URI.create(bitrix.url() + "/rest/1/guessed/")).plugin().testConnection();
    assertFalse(wrongCode.ok());
    assertTrue(wrongCode.detail().contains("401 {NO_AUTH_FOUND, Wrong authorization data}"), wrongCode.detail());
  }
}
