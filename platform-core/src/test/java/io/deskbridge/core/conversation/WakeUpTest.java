package io.deskbridge.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.TestEntities;
import io.deskbridge.core.event.ConversationReopened;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.StatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A vendor finished its part (a Jira task was resolved): the conversation goes back to its agent. */
class WakeUpTest {

  private static final Instant T0 = Instant.parse("2025-01-10T09:00:00Z");

  private static Conversation conversation() {
    Conversation conversation = TestEntities.conversation(42, T0);
    conversation.assignTo(9, T0.plusSeconds(10));
    conversation.releaseEvents();
    return conversation;
  }

  @Test
  void aConversationWaitingOnTheVendorIsOpenAgainForItsAgent() {
    Conversation conversation = conversation();
    conversation.moveTo(ConversationStatus.WAITING_ON_VENDOR, T0.plusSeconds(60));
    conversation.releaseEvents();

    conversation.wakeUp(T0.plusSeconds(120));

    assertEquals(ConversationStatus.OPEN, conversation.status());
    assertEquals(Optional.of(9L), conversation.assigneeId());
    List<DomainEvent> events = conversation.releaseEvents();
    assertEquals(1, events.size());
    assertTrue(events.get(0) instanceof StatusChanged, events::toString);
  }

  @Test
  void aClosedConversationIsReopened() {
    Conversation conversation = conversation();
    conversation.categorize(TestEntities.category(5), T0.plusSeconds(30));
    conversation.close(T0.plusSeconds(60));
    conversation.releaseEvents();

    conversation.wakeUp(T0.plusSeconds(120));

    assertEquals(ConversationStatus.OPEN, conversation.status());
    assertTrue(conversation.releaseEvents().stream().anyMatch(e -> e instanceof ConversationReopened));
  }

  @Test
  void anOpenConversationStaysAsItIs() {
    Conversation conversation = conversation();

    conversation.wakeUp(T0.plusSeconds(120));

    assertEquals(ConversationStatus.OPEN, conversation.status());
    assertEquals(List.of(), conversation.releaseEvents());
  }
}
