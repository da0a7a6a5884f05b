package io.deskbridge.plugin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EventSelectionTest {

  private static final URI NOWHERE = URI.create("http://127.0.0.1:9/hook");

  @Test
  void wantsOnlyTheConfiguredEvents() {
    WebhookPlugin plugin = TestTenant.sendingTo(NOWHERE).events(MessageAdded.TYPE, ConversationClosed.TYPE).plugin();

    assertTrue(plugin.wants(Events.customerMessage()));
    assertTrue(plugin.wants(new ConversationClosed(TestTenant.ID, Events.CONVERSATION, 4L, Events.AT)));
    assertFalse(plugin.wants(Events.backToQueue()));
    assertFalse(plugin.wants(Events.customerUpdated()));
  }

  @Test
  void wantsEveryEventWhenTheConfigLeavesEventsOut() {
    WebhookPlugin plugin = TestTenant.sendingTo(NOWHERE).without("events").plugin();

    assertTrue(plugin.wants(Events.backToQueue()));
    assertTrue(plugin.wants(Events.customerUpdated()));
  }

  @Test
  void internalNotesAreNotSentUnlessEnabled() {
    WebhookPlugin plugin = TestTenant.sendingTo(NOWHERE).plugin();

    assertFalse(plugin.wants(Events.internalNote()));
    assertTrue(plugin.wants(Events.customerMessage()));
  }

  @Test
  void internalNotesAreSentWhenEnabled() {
    WebhookPlugin plugin = TestTenant.sendingTo(NOWHERE).with("includeInternal", true).plugin();

    assertTrue(plugin.wants(Events.internalNote()));
  }

  @Test
  void enablingInternalNotesDoesNotAddMessagesThatWereNotChosen() {
    WebhookPlugin plugin = TestTenant.sendingTo(NOWHERE)
        .with("includeInternal", true).events(ConversationAssigned.TYPE).plugin();

    assertFalse(plugin.wants(Events.internalNote()));
  }

  @Test
  void internalNoteQueuedBeforeNotesWereTurnedOffIsNotSent() throws Exception {
    try (FakeReceiver receiver = new FakeReceiver()) {
      WebhookPlugin plugin = TestTenant.sendingTo(receiver.url()).plugin();

      DeliveryResult result = plugin.deliver(Events.job(Events.internalNote()));

      assertEquals(DeliveryResult.Outcome.DONE, result.outcome());
      assertTrue(receiver.received().isEmpty());
    }
  }
}
