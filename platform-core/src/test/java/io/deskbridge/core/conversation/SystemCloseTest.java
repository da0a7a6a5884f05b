package io.deskbridge.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.TestEntities;
import io.deskbridge.core.event.ConversationClosed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Closes the system makes (silence, duplicates) and what the sweeper and the SLA timers read from a
 * conversation: its status history and when it must be looked at next.
 */
class SystemCloseTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static Instant later(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void silenceClosesWithoutACategoryRecordsWhyAndCannotBeRated() {
    Conversation conversation = TestEntities.conversation(1, T0);
    conversation.recordAgentReply(later(10));

    conversation.closeFor(CloseReason.SILENCE, later(610));

    assertTrue(conversation.isClosed());
    assertEquals(Optional.of(CloseReason.SILENCE), conversation.closeReason());
    assertFalse(conversation.isRateable());
    assertEquals(Optional.empty(), conversation.nextCheckAt(), "a closed conversation is off the due index");
    assertTrue(conversation.releaseEvents().stream().anyMatch(e -> e instanceof ConversationClosed));
  }

  @Test
  void anAgentsCloseIsRateableAndReopeningForgetsTheSystemReason() {
    Conversation conversation = TestEntities.conversation(1, T0);
    conversation.closeFor(CloseReason.NO_ANSWER_TO_PROMPT, later(5));
    conversation.reopen(later(6));
    assertEquals(Optional.empty(), conversation.closeReason());
    assertEquals(Optional.of(later(6)), conversation.nextCheckAt(), "a reopened conversation is due for a look");

    conversation.categorize(TestEntities.category(3), later(7));
    conversation.close(later(8));
    assertTrue(conversation.isRateable());
  }

  @Test
  void everyStatusEnteredIsKeptInOrderForTheTimers() {
    Conversation conversation = TestEntities.conversation(1, T0);
    conversation.moveTo(ConversationStatus.WAITING_ON_VENDOR, later(1));
    conversation.moveTo(ConversationStatus.WAITING_ON_VENDOR, later(2));
    conversation.moveTo(ConversationStatus.OPEN, later(3));
    conversation.closeFor(CloseReason.SILENCE, later(4));
    conversation.reopen(later(5));

    List<String> history = conversation.statusHistory().stream()
        .map(e -> e.status() + "@" + (e.changedAt().getEpochSecond() - T0.getEpochSecond())).toList();
    assertEquals(List.of("WAITING_ON_VENDOR@1", "OPEN@3", "CLOSED@4", "OPEN@5"), history);
  }

  @Test
  void aChangeMakesTheConversationDueAndTheSweeperMayPushItLater() {
    Conversation conversation = TestEntities.conversation(1, T0);
    conversation.scheduleCheck(later(60));
    conversation.receiveCustomerMessage(later(30));
    assertEquals(Optional.of(later(30)), conversation.nextCheckAt());
    conversation.scheduleCheck(later(90));
    assertEquals(Optional.of(later(90)), conversation.nextCheckAt());
  }

  @Test
  void aCustomerWritingAgainWhileWaitingLeavesTheSweepersNextLookButAnAnswerToAReplyMovesIt() {
    Conversation conversation = TestEntities.conversation(1, T0);
    conversation.receiveCustomerMessage(later(10));
    conversation.scheduleCheck(later(60)); // the sweeper: the first-reply warning is due then
    conversation.receiveCustomerMessage(later(20));
    assertEquals(Optional.of(later(60)), conversation.nextCheckAt(), "a second message starts no timer");
    assertEquals(later(20), conversation.updatedAt());

    conversation.recordAgentReply(later(30));
    conversation.scheduleCheck(later(900));
    conversation.receiveCustomerMessage(later(40));
    assertEquals(Optional.of(later(40)), conversation.nextCheckAt(), "an answer to our reply starts NEXT_REPLY");

    conversation.moveTo(ConversationStatus.WAITING_ON_CUSTOMER, later(50));
    conversation.scheduleCheck(later(900));
    conversation.receiveCustomerMessage(later(55));
    assertEquals(Optional.of(later(55)), conversation.nextCheckAt(), "leaving a paused status is a change");
  }

  @Test
  void theStillRelevantPromptIsNotAnAgentMessage() {
    Conversation conversation = TestEntities.conversation(1, T0);
    conversation.recordAgentReply(later(1), true);
    conversation.recordPrompt(later(600));
    assertEquals(Optional.of(later(1)), conversation.lastAgentMessageAt());
    assertEquals(Optional.of(later(600)), conversation.promptSentAt());
    assertTrue(conversation.lastReplyOnHold());
  }

  @Test
  void onlyAnUnassignedDuplicateOfTheSameCustomerIsClosedAndItPointsAtTheKeptOne() {
    Conversation duplicate = TestEntities.conversation(1, T0);
    Conversation kept = TestEntities.conversation(2, T0);

    duplicate.closeAsDuplicateOf(kept, later(5));

    assertEquals(Optional.of(CloseReason.DUPLICATE), duplicate.closeReason());
    assertEquals(2, duplicate.links().get(0).relatedId());
    assertEquals(LinkKind.DUPLICATE_OF, duplicate.links().get(0).kind());
    assertEquals(LinkKind.RELATED, kept.links().get(0).kind());

    Conversation assigned = TestEntities.conversation(3, T0);
    assigned.assignTo(9, later(1));
    ConversationRuleException refused =
        assertThrows(ConversationRuleException.class, () -> assigned.closeAsDuplicateOf(kept, later(6)));
    assertEquals("duplicate-assigned", refused.code());
    assertFalse(assigned.isClosed());
  }
}
