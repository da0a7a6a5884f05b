package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.customerSays;
import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static io.deskbridge.plugin.amocrm.TestTenant.deliverUntilSettled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.deskbridge.core.plugin.spi.testing.HookServer;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.shared.FieldError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatModeTest {

  final FakeAmoCrm amo = new FakeAmoCrm();
  final FakeAmojo amojo = new FakeAmojo();

  @AfterEach
  void stop() {
    amo.close();
    amojo.close();
  }

  static String key(long conversationId) {
    return ChatInbox.chatKey(TestTenant.ID, conversationId);
  }

  static DeliveryResult run(AmoCrmPlugin plugin, ActionRequest job) {
    return plugin.deliver(new Delivery(2, "job", 1, null, job));
  }

  @Test
  void theConversationBecomesAChatOnTheCustomersContactWithItsPublicMessagesOnly() {
    TestTenant t = TestTenant.withToken(amo).inChatMode(amojo).customer(40, "Ada", "ada@example.com", "+7 900 1");
    AmoCrmPlugin plugin = t.plugin();
    assertEquals(DeliveryResult.Outcome.DONE, deliverUntilSettled(plugin, t.opened(81, 40)).outcome());
    deliverUntilSettled(plugin, customerSays(81, 1, "My invoice is wrong"));
    deliverUntilSettled(plugin, TestTenant.agentSays(81, 2, "Let me check"));
    MessageAdded note = TestTenant.internalNote(81, 3, "customer is rude, be careful");
    assertFalse(plugin.wants(note), "internal notes stay out unless the option is on");

    List<FakeAmojo.ChatMessage> chat = amojo.messages(key(81));
    assertEquals(List.of("My invoice is wrong", "Let me check"), chat.stream().map(FakeAmojo.ChatMessage::text).toList());
    assertTrue(chat.get(0).fromClient());
    assertEquals("Ada", chat.get(0).senderName());
    assertFalse(chat.get(1).fromClient());
    assertEquals("Ivan Agent", chat.get(1).senderName());
    long contact = amo.contacts().get(0).get("id").asLong();
    assertEquals(contact, amo.chatLinks().get(amojo.chatIdOf(key(81))), "the chat is on the customer's contact");
    assertEquals(1, amo.leads().size(), "the chat sits on the contact's lead, not a new Unsorted one");
    assertTrue(amojo.rejected().isEmpty(), () -> "every request was signed: " + amojo.rejected());
  }

  @Test
  void aRepeatedJobSendsTheMessageOnce() {
    TestTenant t = TestTenant.withToken(amo).inChatMode(amojo).customer(40, "Ada", null, null);
    AmoCrmPlugin plugin = t.plugin();
    deliverUntilSettled(plugin, t.opened(81, 40));
    MessageAdded said = customerSays(81, 1, "Hello?");
    deliverUntilSettled(plugin, said);
    t.mappings.remote.remove("amojo-message:1");
    deliverUntilSettled(plugin, said);
    assertEquals(1, amojo.messages(key(81)).size(), "amoCRM keeps one message per msgid");
    assertEquals(1, amojo.chats());
  }

  @Test
  void aSignedManagerReplyReachesTheCustomerOnceAndIsConfirmedDelivered() {
    TestTenant t = TestTenant.withToken(amo).inChatMode(amojo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliverUntilSettled(plugin, t.opened(81, 40));
    try (HookServer hooks = new HookServer(plugin, "/hooks/acme/amocrm/")) {
      FakeAmojo.Sent sent = amojo.managerReplies(hooks.url("chat"), key(81), "Olga Manager", "Refund is on its way");
      assertEquals(200, sent.status());
      assertEquals(200, amojo.replayLastWebhook(hooks.url("chat")), "a replay is acknowledged");
      assertEquals(1, t.jobs.queued.size(), "…and ignored");
      assertTrue(t.replies.posted.isEmpty(), "the webhook only queues; the work happens in the job");

      ActionRequest job = t.jobs.queued.get(0);
      assertEquals(DeliveryResult.Outcome.DONE, run(plugin, job).outcome());
      assertEquals(DeliveryResult.Outcome.DONE, run(plugin, job).outcome(), "a retried job is harmless");
      assertEquals(List.of("Olga Manager: Refund is on its way"), t.replies.posted.get(81L));
      assertEquals(List.of(1, 1), amojo.statuses(sent.msgid()), "delivered, confirmed to amoCRM");
    }
  }

  @Test
  void theReplyIsNotSentBackAndTheCustomersNextMessageMarksItRead() {
    TestTenant t = TestTenant.withToken(amo).inChatMode(amojo).customer(40, "Ada", null, null);
    AmoCrmPlugin plugin = t.plugin();
    deliverUntilSettled(plugin, t.opened(81, 40));
    try (HookServer hooks = new HookServer(plugin, "/hooks/acme/amocrm/")) {
      FakeAmojo.Sent sent = amojo.managerReplies(hooks.url("chat"), key(81), "Olga Manager", "Try again now");
      run(plugin, t.jobs.queued.get(0));
      MessageAdded echo = new MessageAdded(TestTenant.ID, 81, 9000, Visibility.PUBLIC, AuthorType.AGENT, null,
          "Try again now", Instant.now(), AmoCrmPluginFactory.ID, "Olga Manager");
      assertFalse(plugin.wants(echo), "a manager's reply is not echoed into amoCRM");

      deliverUntilSettled(plugin, customerSays(81, 5, "Works, thanks"));
      assertEquals(List.of(1, 2), amojo.statuses(sent.msgid()), "delivered, then read");
    }
  }

  @Test
  void aForgedOrUnsignedWebhookIsRejected() {
    TestTenant t = TestTenant.withToken(amo).inChatMode(amojo).customer(40, "Ada", null, null);
    AmoCrmPlugin plugin = t.plugin();
    deliverUntilSettled(plugin, t.opened(81, 40));
    try (HookServer hooks = new HookServer(plugin, "/hooks/acme/amocrm/")) {
      assertEquals(401, amojo.forgedReply(hooks.url("chat"), key(81), "Send your password"));
      assertTrue(t.jobs.queued.isEmpty());
    }
  }

  @Test
  void aReplyToAClosedConversationIsReportedToAmoCrmAsAnError() {
    TestTenant t = TestTenant.withToken(amo).inChatMode(amojo).customer(40, "Ada", null, null);
    AmoCrmPlugin plugin = t.plugin();
    deliverUntilSettled(plugin, t.opened(81, 40));
    t.replies.closed.add(81L);
    try (HookServer hooks = new HookServer(plugin, "/hooks/acme/amocrm/")) {
      FakeAmojo.Sent sent = amojo.managerReplies(hooks.url("chat"), key(81), "Olga Manager", "Hello?");
      run(plugin, t.jobs.queued.get(0));
      assertEquals(List.of(-1), amojo.statuses(sent.msgid()));
      String error = amojo.statusError(sent.msgid());
      assertNotNull(error);
      assertTrue(error.startsWith("905 ") && error.contains("closed"), error);
    }
  }

  @Test
  void afterAReinstallTheChannelConnectsAgainAndTheMessageStillArrives() {
    TestTenant t = TestTenant.withToken(amo).inChatMode(amojo).customer(40, "Ada", null, null);
    AmoCrmPlugin plugin = t.plugin();
    deliverUntilSettled(plugin, t.opened(81, 40));
    amojo.reinstall();
    DeliveryResult r = deliver(plugin, customerSays(81, 1, "Still there?"), 1);
    assertEquals(DeliveryResult.Outcome.DONE, r.outcome(), r.detail());
    assertEquals(2, amojo.connects());
    assertEquals(1, amojo.messages(key(81)).size());
  }

  @Test
  void chatModeNeedsTheChannelSettings() {
    TestTenant t = TestTenant.withToken(amo).with("mode", "chat");
    List<String> fields = new AmoCrmPluginFactory().validate(t.config()).stream().map(FieldError::field).toList();
    assertEquals(List.of("amojoBaseUrl", "channelId", "channelSecret"), fields);
    t.inChatMode(amojo).with("channelSecret", new Secret(" "));
    assertEquals(List.of("channelSecret"),
        new AmoCrmPluginFactory().validate(t.config()).stream().map(FieldError::field).toList());
  }

  @Test
  void testConnectionConnectsTheChannel() {
    TestTenant t = TestTenant.withToken(amo).inChatMode(amojo);
    var check = t.plugin().testConnection();
    assertTrue(check.ok(), check.detail());
    assertTrue(check.detail().contains("chat channel connected"), check.detail());
  }
}
