package io.deskbridge.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.TestEntities;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationLink;
import io.deskbridge.core.conversation.ConversationRuleException;
import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.conversation.LinkKind;
import io.deskbridge.core.event.ConversationTransferred;
import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Handbook 001: a transfer opens a second, cross-linked request and leaves the first with its agent. */
class TransferTest {

  private static final Instant T0 = Instant.parse("2025-01-10T09:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final long ORIGIN_ID = 42;
  private static final long REQUEST_ID = 43;
  private static final long BILLING = 7;

  private static Conversation origin() {
    Conversation origin = TestEntities.conversation(ORIGIN_ID, T0);
    origin.retitle("Refund");
    origin.treatAsOurClient(true);
    origin.assignTo(9, T0);
    origin.releaseEvents();
    return origin;
  }

  @Test
  void theReceivingDepartmentGetsANewRequestOfTheSameCustomer() {
    Conversation origin = origin();

    Conversation request = origin.openTransfer(BILLING, 51L, T1);

    assertEquals(origin.customerId(), request.customerId());
    assertEquals(Conversation.TRANSFER_CHANNEL, request.channel());
    assertEquals(Optional.of(BILLING), request.departmentId());
    assertEquals(Optional.of("Refund"), request.subject());
    assertTrue(request.isOurClient(), "our client stays our client in the other queue");
    assertEquals(Optional.of(51L), request.transferReasonId());
    assertEquals(ConversationStatus.OPEN, request.status());
    assertEquals(Optional.empty(), request.assigneeId());
    assertEquals(T1, request.createdAt());
  }

  @Test
  void bothRequestsLinkToEachOtherAndTheOriginStaysWithItsAgent() {
    Conversation origin = origin();
    Conversation request = TestEntities.withId(origin.openTransfer(BILLING, null, T1), REQUEST_ID);

    origin.linkTransfer(request, T1);

    assertEquals(List.of(LinkKind.TRANSFERRED_TO), kindsOfLinksTo(origin, REQUEST_ID));
    assertEquals(List.of(LinkKind.TRANSFERRED_FROM), kindsOfLinksTo(request, ORIGIN_ID));
    assertEquals(ConversationStatus.OPEN, origin.status());
    assertEquals(Optional.of(9L), origin.assigneeId());
    assertEquals(Optional.empty(), origin.departmentId(), "the origin does not move");
    assertEquals(List.of(new ConversationTransferred(1, REQUEST_ID, BILLING, T1)), request.releaseEvents());
    assertEquals(List.of(), origin.releaseEvents());
  }

  @Test
  void aClosedConversationCannotBeTransferred() {
    Conversation origin = origin();
    origin.categorize(TestEntities.category(5), T0);
    origin.close(T0);

    ConversationRuleException e =
        assertThrows(ConversationRuleException.class, () -> origin.openTransfer(BILLING, null, T1));
    assertEquals("conversation-closed", e.code());
  }

  @Test
  void aTransferNeedsADepartmentAndAShortEnoughNote() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new Transfer(null, null, "n".repeat(Transfer.MAX_NOTE + 1)).validate());
    assertEquals(List.of("departmentId", "note"), e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void theBriefingSaysWhereTheRequestCameFromWhyAndWhereToReadTheHistory() {
    Transfer transfer = new Transfer(BILLING, 51L, "  Customer paid twice.  ");
    String briefing = transfer.briefing(ORIGIN_ID, new TransferReason(TestEntities.TENANT, "Billing", null));

    assertEquals("Transferred from conversation #42.\nReason: Billing\nNote: Customer paid twice.\n"
        + "The customer's history is in conversation #42; the customer keeps writing there.", briefing);
    assertEquals("Transferred from conversation #42.\n"
            + "The customer's history is in conversation #42; the customer keeps writing there.",
        new Transfer(BILLING, null, " ").briefing(ORIGIN_ID, null));
  }

  private static List<LinkKind> kindsOfLinksTo(Conversation conversation, long relatedId) {
    return conversation.links().stream()
        .filter(l -> l.relatedId() == relatedId)
        .map(ConversationLink::kind)
        .toList();
  }
}
