package io.deskbridge.plugin.bitrix;

import static io.deskbridge.plugin.bitrix.TestTenant.agentSays;
import static io.deskbridge.plugin.bitrix.TestTenant.customerSays;
import static io.deskbridge.plugin.bitrix.TestTenant.deliver;
import static io.deskbridge.plugin.bitrix.TestTenant.internalNote;
import static io.deskbridge.plugin.bitrix.TestTenant.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.shared.FieldError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenLinesTest {

  static final String LINE = "3";
  static final String CHAT = "deskbridge-conversation-81";
  final FakeBitrix24 bitrix = new FakeBitrix24();

  @AfterEach
  void stop() {
    bitrix.close();
  }

  /** An installed app in openlines mode, tokens received through its install handler. */
  private TestTenant installed() {
    TestTenant t = TestTenant.withOAuth(bitrix).with("mode", "openlines").with("openLineId", LINE)
        .customer(40, "Ada Lovelace 2nd", "ada@example.com", null);
    assertEquals(200, t.plugin().handleWebhook(post("install", bitrix.installForm(FakeBitrix24.APPLICATION_TOKEN)))
        .status());
    t.opened(81, 40);
    return t;
  }

  private static DeliveryResult deliverJob(BitrixPlugin plugin, ActionRequest job) {
    return plugin.deliver(new Delivery(2, "job-" + job.input().get("imMessageId"), 1, null, job));
  }

  @Test
  void openlinesNeedsAnInstalledAppAndALine() {
    List<FieldError> viaWebhook = new BitrixPluginFactory().validate(TestTenant.withWebhook(bitrix)
        .with("mode", "openlines").with("openLineId", LINE).config());
    assertEquals(1, viaWebhook.size(), viaWebhook::toString);
    assertEquals("mode", viaWebhook.get(0).field());
    assertTrue(viaWebhook.get(0).message().contains("needs authMode oauth"), viaWebhook.get(0).message());
    List<FieldError> noLine = new BitrixPluginFactory().validate(TestTenant.withOAuth(bitrix)
        .with("clientSecret", new io.deskbridge.core.plugin.spi.Secret(FakeBitrix24.CLIENT_SECRET))
        .with("mode", "openlines").config());
    assertEquals(List.of("openLineId"), noLine.stream().map(FieldError::field).toList());
    assertTrue(BitrixPluginFactory.MODE.help().contains("oauth"), "the admin form says so");
  }

  @Test
  void aCustomerMessageReachesTheOpenLineThroughTheConnectorOnce() {
    TestTenant t = installed();
    BitrixPlugin plugin = t.plugin();
    assertFalse(plugin.wants(agentSays(81, 2, "from a Deskbridge agent")), "only the customer's words go to the line");
    assertFalse(plugin.wants(internalNote(81, 3, "staff only")));
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, 1, "My order is late"), 1).outcome());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, 1, "My order is late"), 2).outcome());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, 4, "Hello?"), 1).outcome());

    assertEquals("Deskbridge", bitrix.connectors().get(OpenLine.CONNECTOR));
    assertTrue(bitrix.isActive(OpenLine.CONNECTOR, LINE));
    assertEquals(List.of("ONIMCONNECTORMESSAGEADD " + TestTenant.PUBLIC_URL + "/hooks/acme/bitrix24/events"),
        bitrix.boundEvents());
    assertEquals(1, bitrix.calls().stream().filter("imconnector.register"::equals).count(), "registered once");
    List<JsonNode> inLine = bitrix.lineMessages();
    assertEquals(2, inLine.size(), inLine::toString);
    assertEquals("My order is late", inLine.get(0).path("message").path("text").asText());
    assertEquals("message-1", inLine.get(0).path("message").path("id").asText());
    assertEquals("Ada Lovelace nd", inLine.get(0).path("user").path("name").asText(), "digits are not a name");
    assertEquals(CHAT, inLine.get(0).path("chat").path("id").asText());
    assertEquals(LINE, inLine.get(0).path("LINE").asText());
    assertTrue(bitrix.leads().isEmpty() && bitrix.deals().isEmpty(), "the line's CRM settings make the records");
  }

  @Test
  void anOperatorReplyIsQueuedOnceAndBecomesAPublicReplyWithItsDeliveryConfirmed() {
    TestTenant t = installed();
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, customerSays(81, 1, "My order is late"), 1);
    String reply = bitrix.operatorReplyForm(OpenLine.CONNECTOR, LINE, CHAT, "Ivan Operator", "Your refund is on its way",
        FakeBitrix24.APPLICATION_TOKEN);

    assertEquals(401, plugin.handleWebhook(post("events", reply.replace(FakeBitrix24.APPLICATION_TOKEN, "forged")))
        .status());
    assertTrue(t.jobs.queued.isEmpty(), "a forged event queues nothing");
    assertEquals(200, plugin.handleWebhook(post("events", reply)).status());
    assertEquals(200, plugin.handleWebhook(post("events", reply)).status(), "Bitrix24 sent it again");
    assertEquals(1, t.jobs.queued.size(), t.jobs.queued::toString);
    ActionRequest job = t.jobs.queued.get(0);
    assertEquals(81, job.conversationId());
    assertEquals(OpenLine.OPERATOR_REPLY, job.actionId());
    assertTrue(t.replies.posted.isEmpty(), "acknowledged at once, posted later from the queue");

    assertEquals(DeliveryResult.Outcome.DONE, deliverJob(plugin, job).outcome());
    assertEquals(DeliveryResult.Outcome.DONE, deliverJob(plugin, job).outcome(), "a repeated job posts nothing twice");
    assertEquals(List.of("Ivan Operator: Your refund is on its way"), t.replies.posted.get(81L));
    List<JsonNode> confirmed = bitrix.deliveryConfirmations();
    assertTrue(confirmed.size() >= 1, confirmed::toString);
    assertEquals(job.input().get("imMessageId"), confirmed.get(0).path("im").path("message_id").asText());
    assertEquals(job.input().get("imChatId"), confirmed.get(0).path("im").path("chat_id").asText());
    assertEquals(OpenLine.CONNECTOR, confirmed.get(0).path("CONNECTOR").asText());

    long posted = t.replies.ids.get("b24-" + job.input().get("imMessageId"));
    MessageAdded echo = new MessageAdded(TestTenant.ID, 81, posted, Visibility.PUBLIC, AuthorType.AGENT, null,
        "Your refund is on its way", Instant.now(), BitrixPluginFactory.ID, "Ivan Operator");
    assertFalse(plugin.wants(echo), "the operator's reply is never sent back to the line");
  }

  @Test
  void aReplyToAClosedConversationIsADeadLetterWithItsReason() {
    TestTenant t = installed();
    BitrixPlugin plugin = t.plugin();
    plugin.handleWebhook(post("events", bitrix.operatorReplyForm(OpenLine.CONNECTOR, LINE, CHAT, "Ivan", "late answer",
        FakeBitrix24.APPLICATION_TOKEN)));
    t.replies.closed.add(81L);
    DeliveryResult refused = deliverJob(plugin, t.jobs.queued.get(0));
    assertEquals(DeliveryResult.Outcome.FAILED, refused.outcome());
    assertTrue(refused.detail().contains("Conversation 81 is closed"), refused.detail());
    assertTrue(bitrix.deliveryConfirmations().isEmpty());
  }

  @Test
  void theConnectorMethodsRefuseAnInboundWebhook() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    // Past validation (which refuses it) the portal itself would answer so.
    t.settings.put("mode", "openlines");
    t.settings.put("openLineId", LINE);
    BitrixPlugin plugin = t.plugin();
    t.opened(81, 40);
    DeliveryResult refused = deliver(plugin, customerSays(81, 1, "hello"), 1);
    assertTrue(refused.outcome() != DeliveryResult.Outcome.DONE, refused::toString);
    assertTrue(refused.detail().contains("ACCESS_DENIED"), refused.detail());
    assertTrue(bitrix.lineMessages().isEmpty());
  }
}
