package io.deskbridge.plugin.bitrix;

import static io.deskbridge.plugin.bitrix.TestTenant.customerSays;
import static io.deskbridge.plugin.bitrix.TestTenant.deliver;
import static io.deskbridge.plugin.bitrix.TestTenant.deliverUntilSettled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsAndErrorsTest {

  final FakeBitrix24 bitrix = new FakeBitrix24();

  @AfterEach
  void stop() {
    bitrix.close();
  }

  @Test
  void aFullBucketIsRetriedAfterItDrainsWithBitrix24sErrorInTheDetail() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    bitrix.fillBucket(); // another integration on our address spent it
    DeliveryResult refused = deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.RETRY, refused.outcome());
    assertTrue(refused.detail().contains("503 {QUERY_LIMIT_EXCEEDED, Too many requests}"), refused.detail());
    assertTrue(refused.retryAfter().compareTo(Duration.ofSeconds(2)) >= 0, refused.retryAfter()::toString);
    assertEquals(DeliveryResult.Outcome.DONE, deliverUntilSettled(plugin, t.opened(81, 40)).outcome());
    assertEquals(1, bitrix.overflows(), "once refused, the module waits for the bucket instead of knocking");
    assertEquals(1, bitrix.deals().size());
  }

  @Test
  void aBurstOfMessagesNeverOverflowsThePortalsBucketAndArrivesInOrder() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    for (int i = 1; i <= 70; i++) {
      assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, i, "m" + i), 1).outcome());
    }
    assertEquals(0, bitrix.overflows());
    assertTrue(bitrix.fullestBucket() <= FakeBitrix24.BUCKET_SIZE);
    List<String> comments = bitrix.comments("deal", bitrix.deals().get(0).path("ID").asLong());
    assertEquals(70, comments.size());
    for (int i = 1; i <= 70; i++) {
      assertTrue(comments.get(i - 1).endsWith("[deskbridge message-" + i + "]"), comments.get(i - 1));
    }
  }

  @Test
  void aMethodOverItsTimeBudgetIsPausedWhileOthersGoOn() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    bitrix.exhaustTimeBudget("crm.deal.add", true);
    DeliveryResult paused = deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.RETRY, paused.outcome());
    assertEquals(Portal.METHOD_PAUSE, paused.retryAfter());
    assertTrue(paused.detail().contains("crm.deal.add with 429 {OPERATION_TIME_LIMIT, Method is blocked"),
        paused.detail());

    DeliveryResult again = deliver(plugin, t.opened(81, 40), 2);
    assertEquals(DeliveryResult.Outcome.RETRY, again.outcome());
    assertTrue(again.detail().contains("crm.deal.add is paused"), again.detail());
    assertEquals(1, bitrix.calls().stream().filter("crm.deal.add"::equals).count(), "no call while paused");
    assertTrue(plugin.testConnection().ok(), "other methods keep working");
  }

  @Test
  void aWrongWebhookCodeIsADeadLetter() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("baseUrl", URI.create(bitrix.url() + "/rest/1/revoked/"))
        .customer(40, "Ada", "ada@example.com", null);
    DeliveryResult result = deliver(t.plugin(), t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertEquals("Bitrix24 answered crm.contact.list with 401 {NO_AUTH_FOUND, Wrong authorization data}",
        result.detail());
  }

  @Test
  void anUnreachablePortalIsRetried() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    bitrix.close();
    DeliveryResult result = deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.RETRY, result.outcome());
    assertTrue(result.detail().startsWith("Bitrix24 did not answer crm.contact.list"), result.detail());
  }
}
