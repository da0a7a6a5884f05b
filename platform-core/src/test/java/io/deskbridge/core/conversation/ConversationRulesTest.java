package io.deskbridge.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.TestEntities;
import io.deskbridge.core.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The handbook rules a conversation enforces on itself: categories, closing, reopening, links. */
class ConversationRulesTest {

  private static final long ID = 42;
  private static final long OTHER_ID = 43;
  private static final long CATEGORY_ID = 5;
  private static final long AGENT_ID = 9;
  private static final Instant T0 = Instant.parse("2025-01-10T09:00:00Z");

  private static Instant minutesLater(long minutes) {
    return T0.plusSeconds(minutes * 60);
  }

  private static Conversation openConversation() {
    return TestEntities.conversation(ID, T0);
  }

  private static Conversation categorizedConversation() {
    Conversation conversation = openConversation();
    conversation.categorize(TestEntities.category(CATEGORY_ID), minutesLater(1));
    return conversation;
  }

  private static Conversation closedConversation() {
    Conversation conversation = categorizedConversation();
    conversation.close(minutesLater(2));
    return conversation;
  }

  private static void assertClosedRefuses(Executable action) {
    ConversationRuleException e = assertThrows(ConversationRuleException.class, action);
    assertEquals("conversation-closed", e.code());
    assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
    assertEquals(Map.of("conversationId", ID), e.details());
  }

  @Test
  void closingWithoutCategoryIsRefusedAndConversationStaysOpen() {
    Conversation conversation = openConversation();

    CategoryRequiredException e =
        assertThrows(CategoryRequiredException.class, () -> conversation.close(minutesLater(1)));

    assertEquals("category-required", e.code());
    assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
    assertEquals(Map.of("conversationId", ID), e.details());
    assertEquals(ConversationStatus.OPEN, conversation.status());
    assertEquals(Optional.empty(), conversation.closedAt());
  }

  @Test
  void closingWithCategoryClosesAndRecordsWhen() {
    Conversation conversation = categorizedConversation();

    conversation.close(minutesLater(2));

    assertEquals(ConversationStatus.CLOSED, conversation.status());
    assertTrue(conversation.isClosed());
    assertEquals(Optional.of(minutesLater(2)), conversation.closedAt());
    assertEquals(Optional.of(CATEGORY_ID), conversation.categoryId());
  }

  @Test
  void closingTwiceKeepsTheFirstClosingTime() {
    Conversation conversation = closedConversation();

    conversation.close(minutesLater(30));

    assertEquals(ConversationStatus.CLOSED, conversation.status());
    assertEquals(Optional.of(minutesLater(2)), conversation.closedAt());
    assertEquals(minutesLater(2), conversation.updatedAt());
  }

  @Test
  void reopeningClearsTheCategoryAndOpensTheConversation() {
    Conversation conversation = closedConversation();

    conversation.reopen(minutesLater(3));

    assertEquals(ConversationStatus.OPEN, conversation.status());
    assertEquals(Optional.empty(), conversation.categoryId());
    assertEquals(Optional.empty(), conversation.closedAt());
  }

  @Test
  void reopenedConversationNeedsACategoryAgainBeforeClosing() {
    Conversation conversation = closedConversation();
    conversation.reopen(minutesLater(3));

    assertThrows(CategoryRequiredException.class, () -> conversation.close(minutesLater(4)));
    assertEquals(ConversationStatus.OPEN, conversation.status());
  }

  @Test
  void closedConversationRefusesAgentReplies() {
    Conversation conversation = closedConversation();

    assertClosedRefuses(() -> conversation.recordAgentReply(minutesLater(3)));
    assertEquals(Optional.empty(), conversation.lastAgentMessageAt());
  }

  @Test
  void closedConversationRefusesAssignment() {
    Conversation conversation = closedConversation();

    assertClosedRefuses(() -> conversation.assignTo(AGENT_ID, minutesLater(3)));
    assertEquals(Optional.empty(), conversation.assigneeId());
  }

  @ParameterizedTest
  @EnumSource(value = ConversationStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
  void closedConversationRefusesStatusChanges(ConversationStatus target) {
    Conversation conversation = closedConversation();

    assertClosedRefuses(() -> conversation.moveTo(target, minutesLater(3)));
    assertEquals(ConversationStatus.CLOSED, conversation.status());
  }

  @Test
  void closedConversationStillAcceptsInternalNotes() {
    Conversation conversation = closedConversation();

    conversation.recordInternalNote(minutesLater(3));

    assertEquals(ConversationStatus.CLOSED, conversation.status());
    assertEquals(minutesLater(3), conversation.updatedAt());
  }

  @Test
  void openConversationAcceptsAgentRepliesAndAssignment() {
    Conversation conversation = openConversation();

    conversation.recordAgentReply(minutesLater(1));
    conversation.assignTo(AGENT_ID, minutesLater(2));

    assertEquals(Optional.of(minutesLater(1)), conversation.lastAgentMessageAt());
    assertEquals(Optional.of(AGENT_ID), conversation.assigneeId());
  }

  @Test
  void movingToClosedWithoutCategoryIsRefusedLikeClosing() {
    Conversation conversation = openConversation();

    assertThrows(CategoryRequiredException.class,
        () -> conversation.moveTo(ConversationStatus.CLOSED, minutesLater(1)));
    assertEquals(ConversationStatus.OPEN, conversation.status());
  }

  @Test
  void movingToClosedWithCategoryClosesLikeClosing() {
    Conversation conversation = categorizedConversation();

    conversation.moveTo(ConversationStatus.CLOSED, minutesLater(2));

    assertEquals(ConversationStatus.CLOSED, conversation.status());
    assertEquals(Optional.of(minutesLater(2)), conversation.closedAt());
  }

  @Test
  void customerMessageMovesWaitingOnCustomerBackToOpen() {
    Conversation conversation = openConversation();
    conversation.moveTo(ConversationStatus.WAITING_ON_CUSTOMER, minutesLater(1));

    conversation.receiveCustomerMessage(minutesLater(2));

    assertEquals(ConversationStatus.OPEN, conversation.status());
    assertEquals(Optional.of(minutesLater(2)), conversation.lastCustomerMessageAt());
  }

  @Test
  void customerMessageKeepsWaitingOnVendor() {
    Conversation conversation = openConversation();
    conversation.moveTo(ConversationStatus.WAITING_ON_VENDOR, minutesLater(1));

    conversation.receiveCustomerMessage(minutesLater(2));

    assertEquals(ConversationStatus.WAITING_ON_VENDOR, conversation.status());
  }

  @Test
  void archivedCategoryCannotBeChosen() {
    Conversation conversation = openConversation();

    ConversationRuleException e = assertThrows(ConversationRuleException.class,
        () -> conversation.categorize(TestEntities.archivedCategory(CATEGORY_ID), minutesLater(1)));

    assertEquals("category-archived", e.code());
    assertEquals(Map.of("conversationId", ID), e.details());
    assertEquals(Optional.empty(), conversation.categoryId());
  }

  @Test
  void linkingAConversationToItselfIsRefused() {
    Conversation conversation = openConversation();

    ConversationRuleException e = assertThrows(ConversationRuleException.class,
        () -> conversation.linkTo(ID, LinkKind.RELATED, minutesLater(1)));

    assertEquals("self-link", e.code());
    assertEquals(List.of(), conversation.links());
  }

  @Test
  void linkingToAnotherConversationIsShownOnceEvenIfRepeated() {
    Conversation conversation = openConversation();

    conversation.linkTo(OTHER_ID, LinkKind.TRANSFERRED_TO, minutesLater(1));
    conversation.linkTo(OTHER_ID, LinkKind.TRANSFERRED_TO, minutesLater(2));

    assertEquals(1, conversation.links().size());
    assertEquals(OTHER_ID, conversation.links().get(0).relatedId());
    assertEquals(LinkKind.TRANSFERRED_TO, conversation.links().get(0).kind());
  }

  @Test
  void updatedAtNeverGoesBackwards() {
    Conversation conversation = openConversation();
    conversation.receiveCustomerMessage(minutesLater(10));

    conversation.recordAgentReply(minutesLater(5));
    conversation.prioritize(Priority.HIGH, minutesLater(1));

    assertEquals(minutesLater(10), conversation.updatedAt());
    assertEquals(Priority.HIGH, conversation.priority());
  }

  @Test
  void transferLinksPointBackAtEachOther() {
    assertEquals(LinkKind.TRANSFERRED_TO, LinkKind.TRANSFERRED_FROM.reverse());
    assertEquals(LinkKind.TRANSFERRED_FROM, LinkKind.TRANSFERRED_TO.reverse());
    assertEquals(LinkKind.RELATED, LinkKind.RELATED.reverse());
  }
}
