package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.customerSays;
import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static io.deskbridge.plugin.amocrm.TestTenant.deliverUntilSettled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthTest {

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  /** The admin presses "Test connection" and gets the consent link; its state comes back on the redirect. */
  static String issuedState(AmoCrmPlugin plugin) {
    ConnectionCheck check = plugin.testConnection();
    assertFalse(check.ok());
    Matcher link = Pattern.compile("https://www\\.amocrm\\.ru/oauth\\?client_id=" + FakeAmoCrm.CLIENT_ID
        + "&state=([A-Za-z0-9_-]{20,})&mode=post_message").matcher(check.detail());
    assertTrue(link.find(), check.detail());
    return link.group(1);
  }

  static WebhookResponse consent(AmoCrmPlugin plugin, String code, String state) {
    return plugin.handleWebhook(new WebhookRequest("GET", TestTenant.WEBHOOK_TOKEN + "/oauth", Map.of(),
        "code=" + code + "&referer=acme.amocrm.ru" + (state == null ? "" : "&state=" + state), new byte[0]));
  }

  static WebhookResponse consent(AmoCrmPlugin plugin, String code) {
    return consent(plugin, code, issuedState(plugin));
  }

  @Test
  void syncWaitsForConsentThenUsesTheExchangedTokensSealed() {
    TestTenant t = TestTenant.withOAuth(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    DeliveryResult before = deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, before.outcome());
    assertTrue(before.detail().contains("not connected"), before.detail());

    String spare = issuedState(plugin);
    assertEquals(200, consent(plugin, amo.authorizationCode()).status());
    assertTrue(plugin.testConnection().ok());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(81, 40), 2).outcome());
    String stored = t.mappings.remote.get("oauth:grant");
    assertFalse(stored.contains("access-") || stored.contains("def502"), "tokens are stored sealed");
    assertEquals(502, consent(plugin, "used-or-forged", spare).status());
  }

  @Test
  void aRedirectDeskbridgeDidNotStartIsRefusedAndConnectsNothing() {
    TestTenant t = TestTenant.withOAuth(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    String code = amo.authorizationCode();
    WebhookResponse noState = consent(plugin, code, null);
    assertEquals(400, noState.status());
    assertTrue(noState.body().startsWith("The redirect carries no state."), noState.body());
    WebhookResponse forged = consent(plugin, code, "forged-state-of-another-flow");
    assertEquals(400, forged.status());
    assertTrue(forged.body().contains("not issued by Deskbridge"), forged.body());
    assertFalse(plugin.testConnection().ok(), "still not connected");

    String state = issuedState(plugin);
    assertEquals(200, consent(plugin, code, state).status(), "the code was not spent by the refused redirects");
    WebhookResponse replay = consent(plugin, amo.authorizationCode(), state);
    assertEquals(400, replay.status());
    assertTrue(replay.body().contains("already used"), replay.body());
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

  @Test
  void aConsentLinkOlderThanAnHourIsRefused() {
    TestTenant t = TestTenant.withOAuth(amo);
    String state = issuedState(t.plugin());
    t.clock = Clock.offset(Clock.systemUTC(), OAuthConsent.VALID_FOR.plusMinutes(1));
    WebhookResponse late = consent(t.plugin(), amo.authorizationCode(), state);
    assertEquals(400, late.status());
    assertTrue(late.body().startsWith("This consent link expired."), late.body());
  }
}
