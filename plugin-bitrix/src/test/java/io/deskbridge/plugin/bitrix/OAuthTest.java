package io.deskbridge.plugin.bitrix;

import static io.deskbridge.plugin.bitrix.TestTenant.customerSays;
import static io.deskbridge.plugin.bitrix.TestTenant.deliver;
import static io.deskbridge.plugin.bitrix.TestTenant.deliverUntilSettled;
import static io.deskbridge.plugin.bitrix.TestTenant.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Secret;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthTest {

  final FakeBitrix24 bitrix = new FakeBitrix24();

  @AfterEach
  void stop() {
    bitrix.close();
  }

  @Test
  void syncWaitsForTheInstallThenUsesItsTokensSealed() {
    TestTenant t = TestTenant.withOAuth(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    DeliveryResult before = deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, before.outcome());
    assertTrue(before.detail().contains("not connected yet"), before.detail());

    assertEquals(200, plugin.handleWebhook(post("install", bitrix.installForm(FakeBitrix24.APPLICATION_TOKEN)))
        .status());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(81, 40), 2).outcome());
    assertEquals(1, bitrix.deals().size());
    String stored = t.mappings.remote.get("oauth:grant");
    assertFalse(stored.contains("acc") || stored.contains("ref"), "tokens are stored sealed");
    assertFalse(t.mappings.remote.get("oauth:application-token").contains(FakeBitrix24.APPLICATION_TOKEN));
    assertTrue(plugin.testConnection().ok());
  }

  @Test
  void aSecondInstallWithAnotherApplicationTokenIsRefused() {
    TestTenant t = TestTenant.withOAuth(bitrix);
    BitrixPlugin plugin = t.plugin();
    assertEquals(200, plugin.handleWebhook(post("install", bitrix.installForm(FakeBitrix24.APPLICATION_TOKEN)))
        .status());
    String grant = t.mappings.remote.get("oauth:grant");
    assertEquals(401, plugin.handleWebhook(post("install", bitrix.installForm("forged-token"))).status());
    assertEquals(grant, t.mappings.remote.get("oauth:grant"), "the forged install changed nothing");
    assertEquals(200, plugin.handleWebhook(post("install", bitrix.installForm(FakeBitrix24.APPLICATION_TOKEN)))
        .status(), "a reinstall by the same app is welcome");
  }

  @Test
  void anUninstallForgetsTheTokensAndAReinstallStartsAfresh() {
    TestTenant t = TestTenant.withOAuth(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    plugin.handleWebhook(post("install", bitrix.installForm(FakeBitrix24.APPLICATION_TOKEN)));
    assertEquals(401, plugin.handleWebhook(post("events", bitrix.uninstallForm("forged-token"))).status());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(81, 40), 1).outcome());

    assertEquals(200, plugin.handleWebhook(post("events", bitrix.uninstallForm(FakeBitrix24.APPLICATION_TOKEN)))
        .status());
    DeliveryResult after = deliver(plugin, t.opened(82, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, after.outcome());
    assertTrue(after.detail().contains("not connected yet"), after.detail());

    assertEquals(200, plugin.handleWebhook(post("install", bitrix.installForm("a-new-app-token"))).status());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(82, 40), 2).outcome());
  }

  @Test
  void theInstallHandlerIsNotThereForAnInboundWebhook() {
    BitrixPlugin plugin = TestTenant.withWebhook(bitrix).plugin();
    assertEquals(404, plugin.handleWebhook(post("install", bitrix.installForm(FakeBitrix24.APPLICATION_TOKEN)))
        .status());
  }

  @Test
  void anExpiredTokenIsRefreshedOnceEvenByTwoServersAtOnce() {
    TestTenant t = TestTenant.withOAuth(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin serverA = t.plugin();
    BitrixPlugin serverB = t.plugin();
    serverA.handleWebhook(post("install", bitrix.installForm(FakeBitrix24.APPLICATION_TOKEN)));
    deliver(serverA, t.opened(81, 40), 1);
    bitrix.expireAccessTokens();
    var a = CompletableFuture.supplyAsync(() -> deliverUntilSettled(serverA, customerSays(81, 1, "one")));
    var b = CompletableFuture.supplyAsync(() -> deliverUntilSettled(serverB, customerSays(81, 2, "two")));
    assertEquals(DeliveryResult.Outcome.DONE, a.join().outcome());
    assertEquals(DeliveryResult.Outcome.DONE, b.join().outcome());
    assertEquals(1, bitrix.refreshes());
    assertEquals(2, bitrix.comments("deal", bitrix.deals().get(0).path("ID").asLong()).size());
  }

  @Test
  void aTokenAboutToExpireIsRefreshedBeforeBitrix24RefusesIt() {
    bitrix.tokenLifetime(java.time.Duration.ofMinutes(4)); // within the five minutes kept in reserve
    TestTenant t = TestTenant.withOAuth(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    plugin.handleWebhook(post("install", bitrix.installForm(FakeBitrix24.APPLICATION_TOKEN)));
    bitrix.tokenLifetime(java.time.Duration.ofHours(1));
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(81, 40), 1).outcome());
    assertEquals(1, bitrix.refreshes());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, 1, "hi"), 1).outcome());
    assertEquals(1, bitrix.refreshes(), "the fresh hour-long token is used as it is");
  }

  @Test
  void tokensTypedIntoTheConfigurationWorkAndAreRefreshedWhenExpired() {
    String[] tokens = bitrix.issueTokens();
    TestTenant t = TestTenant.withOAuth(bitrix).with("accessToken", new Secret(tokens[0]))
        .with("refreshToken", new Secret(tokens[1])).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    bitrix.expireAccessTokens();
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(81, 40), 1).outcome());
    assertEquals(1, bitrix.refreshes());
    assertTrue(t.mappings.remote.containsKey("oauth:grant"), "the rotated tokens are kept, sealed");
    bitrix.expireAccessTokens();
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, 1, "hi"), 1).outcome());
    assertEquals(2, bitrix.refreshes(), "the rotated refresh token, not the configured one, was spent");
  }

  @Test
  void aRefreshTokenBitrix24NoLongerAcceptsIsADeadLetterAskingForAReinstall() {
    TestTenant t = TestTenant.withOAuth(bitrix).with("accessToken", new Secret("stale"))
        .with("refreshToken", new Secret("spent")).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    DeliveryResult result = deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("401 {invalid_token"), result.detail());
    String[] tokens = bitrix.issueTokens();
    bitrix.expireAccessTokens();
    TestTenant expired = TestTenant.withOAuth(bitrix).with("accessToken", new Secret(tokens[0]))
        .with("refreshToken", new Secret("spent")).customer(40, "Ada", "ada@example.com", null);
    DeliveryResult refused = deliver(expired.plugin(), expired.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, refused.outcome());
    assertTrue(refused.detail().contains("{invalid_grant, Invalid refresh token}; install the app again"),
        refused.detail());
  }
}
