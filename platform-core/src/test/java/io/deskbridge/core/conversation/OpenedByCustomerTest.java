package io.deskbridge.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A customer's first message opens a conversation: it is waiting for our answer from that moment. */
class OpenedByCustomerTest {

  private static final Instant T0 = Instant.parse("2025-01-10T09:00:00Z");

  @Test
  void theOpeningMessageIsCountedAndTheSweeperLooksAtOnce() {
    Conversation conversation = Conversation.openedByCustomer(new TenantId(1), 7, true, "telegram", T0);

    assertEquals(ConversationStatus.OPEN, conversation.status());
    assertEquals(Optional.of(T0), conversation.lastCustomerMessageAt());
    assertEquals(Optional.of(T0), conversation.nextCheckAt(), "its SLA timer starts now");
    assertTrue(conversation.isOurClient());
    assertEquals("telegram", conversation.channel());
  }

  @Test
  void countingTheOpeningMessageAgainChangesNothing() {
    Conversation conversation = Conversation.openedByCustomer(new TenantId(1), 7, false, "api", T0);

    conversation.receiveCustomerMessage(T0);

    assertEquals(Optional.of(T0), conversation.lastCustomerMessageAt());
    assertEquals(Optional.of(T0), conversation.nextCheckAt());
    assertEquals(T0, conversation.updatedAt());
    assertTrue(conversation.releaseEvents().isEmpty());
  }
}
