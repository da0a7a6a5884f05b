package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.customerSays;
import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static io.deskbridge.plugin.amocrm.TestTenant.deliverUntilSettled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsAndErrorsTest {

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  @Test
  void declaresSevenRequestsPerSecond() {
    assertEquals(7, new AmoCrmPluginFactory().rateLimit().permitsPerSecond());
  }

  @Test
  void retriesAfterAmoCrmAnswers429AndNeverExceedsSevenPerSecond() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    amo.stormOf429(2);
    DeliveryResult refused = deliver(plugin, customerSays(81, 1, "one"), 1);
    assertEquals(DeliveryResult.Outcome.RETRY, refused.outcome());
    assertEquals(Duration.ofSeconds(1), refused.retryAfter());
    assertTrue(refused.detail().contains("429"), refused.detail());
    for (int i = 1; i <= 20; i++) {
      assertEquals(DeliveryResult.Outcome.DONE, deliverUntilSettled(plugin, customerSays(81, i, "m" + i)).outcome());
    }
    assertEquals(20, amo.noteTexts(amo.leads().get(0).get("id").asLong()).size());
    assertTrue(amo.maxRequestsInOneSecond() <= 7, "peak " + amo.maxRequestsInOneSecond());
  }

  @Test
  void twoServersDeliveringAtOnceShareTheSevenPerSecondAndEveryRequestWaitsItsTurn() throws Exception {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null)
        .customer(41, "Bob", "bob@example.com", null);
    AmoCrmPlugin serverA = t.plugin();
    AmoCrmPlugin serverB = t.plugin();
    CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> chat(serverA, t, 81, 40));
    CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> chat(serverB, t, 82, 41));
    onA.get();
    onB.get();
    assertEquals(2, amo.leads().size());
    assertEquals(amo.requests(), t.pacers.turns("api"), "every request to amoCRM waited its turn");
    assertTrue(amo.maxRequestsInOneSecond() <= 7, "peak " + amo.maxRequestsInOneSecond());
  }

  private static void chat(AmoCrmPlugin server, TestTenant t, long conversationId, long customerId) {
    assertEquals(DeliveryResult.Outcome.DONE, deliverUntilSettled(server, t.opened(conversationId, customerId))
        .outcome());
    for (int i = 1; i <= 8; i++) {
      assertEquals(DeliveryResult.Outcome.DONE,
          deliverUntilSettled(server, customerSays(conversationId, customerId * 100 + i, "m" + i)).outcome());
    }
  }

  @Test
  void aBlockedAccountIsADeadLetterWithAClearReason() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    amo.block(true);
    DeliveryResult result = deliver(t.plugin(), t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("403") && result.detail().contains("blocked"), result.detail());
  }

  @Test
  void aRejectedTokenIsADeadLetter() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null)
        .with("accessToken", new io.deskbridge.core.plugin.spi.Secret("wrong"));
    DeliveryResult result = deliver(t.plugin(), t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("401"), result.detail());
    assertTrue(t.plugin().testConnection().detail().contains("401"));
  }

  @Test
  void validationErrorsOfAmoCrmAreInTheLastError() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null).with("pipelineId", 99L);
    DeliveryResult result = deliver(t.plugin(), t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("400") && result.detail().contains("pipeline_id: The value you selected"),
        result.detail());
  }
}
