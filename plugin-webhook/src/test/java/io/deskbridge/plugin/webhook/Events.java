package io.deskbridge.plugin.webhook;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.event.CustomerUpdated;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.Delivery;
import java.time.Instant;
import java.util.Map;

/** Events of tenant "acme" in conversation 81, and the outbox jobs that carry them. */
final class Events {

  static final long CONVERSATION = 81;
  static final Instant AT = Instant.parse("2025-03-14T09:26:40Z");

  private Events() {}

  static MessageAdded customerMessage() {
    return new MessageAdded(TestTenant.ID, CONVERSATION, 501, Visibility.PUBLIC, AuthorType.CUSTOMER, null,
        "Where is my order?", AT);
  }

  static MessageAdded internalNote() {
    return new MessageAdded(TestTenant.ID, CONVERSATION, 502, Visibility.INTERNAL, AuthorType.AGENT, 12L,
        "Customer is on the legacy plan", AT);
  }

  static ConversationAssigned backToQueue() {
    return new ConversationAssigned(TestTenant.ID, CONVERSATION, null, AT);
  }

  static CustomerUpdated customerUpdated() {
    return new CustomerUpdated(TestTenant.ID, 33, AT);
  }

  static Delivery job(DomainEvent event) {
    return job(event, 1);
  }

  static Delivery job(DomainEvent event, int attempt) {
    return new Delivery(900, "webhook:" + event.orderingKey() + ":" + event.type() + ":900", attempt, event, null);
  }

  static Delivery agentAction() {
    return new Delivery(901, "action:901", 1, null, new ActionRequest("resend", CONVERSATION, 12L, Map.of()));
  }
}
