package io.deskbridge.core.transfer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.TestEntities;
import io.deskbridge.core.shared.DomainException;
import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What an admin may define as a transfer reason, and when it may be chosen. */
class TransferReasonTest {

  private static TransferReason reason(String name, String customerMessage) {
    return new TransferReason(TestEntities.TENANT, name, customerMessage);
  }

  private static List<String> failingFields(Runnable action) {
    InvalidInputException e = assertThrows(InvalidInputException.class, action::run);
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void keepsTheInterimAnswerForTheCustomer() {
    TransferReason reason = reason("  Billing  ", "  Your request is passed on to billing.  ");
    assertEquals("Billing", reason.name());
    assertEquals(Optional.of("Your request is passed on to billing."), reason.customerMessage());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void aReasonWithoutCustomerMessageSendsTheCustomerNothing(String customerMessage) {
    assertEquals(Optional.empty(), reason("Internal escalation", customerMessage).customerMessage());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void needsAName(String name) {
    assertEquals(List.of("name"), failingFields(() -> reason(name, null)));
  }

  @Test
  void nameIsAtMostOneHundredCharacters() {
    assertDoesNotThrow(() -> reason("n".repeat(100), null));
    assertDoesNotThrow(() -> reason(" " + "n".repeat(100) + " ", null), "surrounding blanks do not count");
    assertEquals(List.of("name"), failingFields(() -> reason("n".repeat(101), null)));
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    assertEquals(List.of("name", "customerMessage"),
        failingFields(() -> reason(null, "m".repeat(2001))));
    assertDoesNotThrow(() -> reason("Long", "m".repeat(2000)));
  }

  @Test
  void describingAgainChangesNameAndCanDropTheCustomerMessage() {
    TransferReason reason = reason("Billing", "Passed on.");
    reason.describe("Payments", null);
    assertEquals("Payments", reason.name());
    assertEquals(Optional.empty(), reason.customerMessage());
  }

  @Test
  void aRejectedChangeLeavesTheReasonAsItWas() {
    TransferReason reason = reason("Billing", "Passed on.");
    assertThrows(InvalidInputException.class, () -> reason.describe("", "Other"));
    assertEquals("Billing", reason.name());
    assertEquals(Optional.of("Passed on."), reason.customerMessage());
  }

  @Test
  void anArchivedReasonCannotBeChosenForANewTransfer() {
    TransferReason reason = TestEntities.withId(reason("Billing", null), 51);
    assertDoesNotThrow(reason::requireUsable);
    assertFalse(reason.isArchived());

    reason.archive();

    assertTrue(reason.isArchived());
    TransferReasonArchivedException e = assertThrows(TransferReasonArchivedException.class, reason::requireUsable);
    assertEquals("transfer-reason-archived", e.code());
    assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
    assertEquals(Map.of("reasonId", 51L), e.details());
  }
}
