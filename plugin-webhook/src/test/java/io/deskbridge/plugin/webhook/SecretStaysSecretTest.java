package io.deskbridge.plugin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretStaysSecretTest {

  @Test
  void secretNeverAppearsInTheConfigOrPluginDescription() {
    TestTenant tenant = TestTenant.sendingTo(URI.create("https://hooks.example.test/in?token=abc"));

    List<String> descriptions = List.of(tenant.config().toString(),
        WebhookConfig.from(tenant.config()).toString(), tenant.plugin().toString());

    for (String description : descriptions) {
      assertFalse(description.contains(TestTenant.SECRET), description);
    }
    assertEquals("WebhookPlugin[tenant=acme, WebhookConfig[url=https://hooks.example.test/…, secret=********,"
        + " events=[conversation.assigned, conversation.category_set, conversation.closed, conversation.created,"
        + " conversation.reopened, conversation.status_changed, conversation.transferred, customer.updated,"
        + " message.created, sla.breached, sla.warned], includeInternal=false, timeout=PT2S]]",
        tenant.plugin().toString());
  }

  @Test
  void secretNeverAppearsInAnyDetailEvenWhenTheReceiverEchoesIt() throws Exception {
    List<String> details = new ArrayList<>();
    try (FakeReceiver receiver = new FakeReceiver()) {
      WebhookPlugin plugin = TestTenant.sendingTo(receiver.url()).plugin();
      String echo = "unknown signing key " + TestTenant.SECRET;
      for (int status : new int[] {400, 401, 429, 500, 503}) {
        receiver.answers(status, Map.of("Retry-After", "3"), echo);
        details.add(plugin.deliver(Events.job(Events.customerMessage())).detail());
      }
      details.add(plugin.testConnection().detail());
    }
    URI gone = URI.create("http://127.0.0.1:9/hook");
    details.add(TestTenant.sendingTo(gone).plugin().deliver(Events.job(Events.customerMessage())).detail());
    details.add(TestTenant.sendingTo(gone).plugin().testConnection().detail());

    for (String detail : details) {
      assertFalse(detail.contains(TestTenant.SECRET), detail);
    }
    assertTrue(details.get(0).endsWith("unknown signing key ********"), details.get(0));
  }

  @Test
  void doneDeliveriesHaveNoDetailToLeak() throws Exception {
    try (FakeReceiver receiver = new FakeReceiver()) {
      DeliveryResult result = TestTenant.sendingTo(receiver.url()).plugin().deliver(Events.job(Events.customerMessage()));

      assertEquals(DeliveryResult.done(), result);
    }
  }

  @Test
  void connectionCheckOfAnEchoingReceiverIsMasked() throws Exception {
    try (FakeReceiver receiver = new FakeReceiver()) {
      receiver.answers(403, Map.of(), TestTenant.SECRET);

      ConnectionCheck check = TestTenant.sendingTo(receiver.url()).plugin().testConnection();

      assertEquals(ConnectionCheck.failed("Receiver answered 403: ********"), check);
    }
  }
}
