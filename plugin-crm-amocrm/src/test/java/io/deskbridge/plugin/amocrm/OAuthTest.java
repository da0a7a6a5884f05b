package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.customerSays;
import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static io.deskbridge.plugin.amocrm.TestTenant.deliverUntilSettled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthTest {

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  static WebhookResponse consent(AmoCrmPlugin plugin, String code) {
    return plugin.handleWebhook(new WebhookRequest("GET", TestTenant.WEBHOOK_TOKEN + "/oauth", Map.of(),
        "code=" + code + "&referer=acme.amocrm.ru&state=x", new byte[0]));
  }

  @Test
  void syncWaitsForConsentThenUsesTheExchangedTokensSealed() {
    TestTenant t = TestTenant.withOAuth(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    DeliveryResult before = deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, before.outcome());
    assertTrue(before.detail().contains("not connected"), before.detail());

    assertEquals(200, consent(plugin, amo.authorizationCode()).status());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(81, 40), 2).outcome());
    String stored = t.mappings.remote.get("oauth:grant");
    assertFalse(stored.contains("access-") || stored.contains("def502"), "tokens are stored sealed");
    assertEquals(502, consent(plugin, "used-or-forged").status());
  }

  @Test
  void anExpiredTokenIsRefreshedOnceEvenByTwoServersAtOnce() {
    TestTenant t = TestTenant.withOAuth(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin serverA = t.plugin();
    AmoCrmPlugin serverB = t.plugin();
    consent(serverA, amo.authorizationCode());
    deliver(serverA, t.opened(81, 40), 1);
    amo.expireAccessTokens();
    var a = CompletableFuture.supplyAsync(() -> deliverUntilSettled(serverA, customerSays(81, 1, "one")));
    var b = CompletableFuture.supplyAsync(() -> deliverUntilSettled(serverB, customerSays(81, 2, "two")));
    assertEquals(DeliveryResult.Outcome.DONE, a.join().outcome());
    assertEquals(DeliveryResult.Outcome.DONE, b.join().outcome());
    assertEquals(1, amo.refreshes());
    assertEquals(2, amo.noteTexts(amo.leads().get(0).get("id").asLong()).size());
  }
}
