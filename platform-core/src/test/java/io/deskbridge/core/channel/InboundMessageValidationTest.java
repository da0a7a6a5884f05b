package io.deskbridge.core.channel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deskbridge.core.conversation.NewAttachment;
import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.tenant.Language;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a channel must send for a customer message to be filed; each bad field is named. */
class InboundMessageValidationTest {

  private static InboundCustomer customer(String externalId, String language) {
    return new InboundCustomer(externalId, "Ivan", "ivan@example.com", "+79990000000", language);
  }

  private static InboundCustomer customer() {
    return customer("100", "ru");
  }

  private static InboundMessage message(String channel, String externalMessageId, InboundCustomer customer,
      String text, List<NewAttachment> attachments) {
    return new InboundMessage(channel, externalMessageId, customer, text, attachments);
  }

  private static InboundMessage message(String channel, String externalMessageId, InboundCustomer customer) {
    return message(channel, externalMessageId, customer, "Hello, my payment failed", null);
  }

  private static InboundMessage messageWithText(String text, List<NewAttachment> attachments) {
    return message("telegram", "tg-1", customer(), text, attachments);
  }

  private static List<String> failingFields(InboundMessage message) {
    InvalidInputException e = assertThrows(InvalidInputException.class, message::validate);
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void completeMessageIsAccepted() {
    assertDoesNotThrow(message("telegram", "tg-1", customer())::validate);
    assertDoesNotThrow(message("web_widget-2", "w-1", customer("visitor-9", null))::validate);
  }

  @Test
  void missingChannelIsNamed() {
    assertEquals(List.of("channel"), failingFields(message(null, "tg-1", customer())));
  }

  @Test
  void malformedChannelIsNamed() {
    assertEquals(List.of("channel"), failingFields(message("Tele gram", "tg-1", customer())));
    assertEquals(List.of("channel"), failingFields(message("Telegram", "tg-1", customer())));
    assertEquals(List.of("channel"), failingFields(message("x".repeat(31), "tg-1", customer())));
  }

  @Test
  void missingExternalMessageIdIsNamed() {
    assertEquals(List.of("externalMessageId"), failingFields(message("telegram", " ", customer())));
    assertEquals(List.of("externalMessageId"), failingFields(message("telegram", null, customer())));
  }

  @Test
  void missingCustomerIsNamed() {
    assertEquals(List.of("customer"), failingFields(message("telegram", "tg-1", null)));
  }

  @Test
  void missingCustomerExternalIdIsNamed() {
    assertEquals(List.of("customer.externalId"), failingFields(message("telegram", "tg-1", customer(null, "ru"))));
    assertEquals(List.of("customer.externalId"), failingFields(message("telegram", "tg-1", customer("", "ru"))));
  }

  @Test
  void unsupportedCustomerLanguageIsNamed() {
    assertEquals(List.of("customer.language"), failingFields(message("telegram", "tg-1", customer("100", "de"))));
  }

  @Test
  void textIsRequiredWithoutAttachments() {
    assertEquals(List.of("text"), failingFields(messageWithText("  ", null)));
    assertEquals(List.of("text"), failingFields(messageWithText(null, List.of())));
  }

  @Test
  void attachmentAloneNeedsNoText() {
    NewAttachment photo = new NewAttachment("receipt.png", "image/png", "png".getBytes(StandardCharsets.US_ASCII));

    assertDoesNotThrow(messageWithText(null, List.of(photo))::validate);
  }

  @Test
  void everyMissingFieldIsReportedAtOnce() {
    assertEquals(List.of("channel", "externalMessageId", "customer", "text"),
        failingFields(message(null, null, null, null, null)));
  }

  @Test
  void malformedCustomerContactsAreNamedUnderCustomer() {
    InboundCustomer customer = new InboundCustomer("100", "Ivan", "ivan@", "call me", "en");

    assertEquals(List.of("customer.email", "customer.phone"), failingFields(message("telegram", "tg-1", customer)));
  }

  @Test
  void customerProfileCarriesTheLanguage() {
    assertEquals(Language.RU, message("telegram", "tg-1", customer("100", " RU ")).profile().language());
    assertNull(message("telegram", "tg-1", customer("100", null)).profile().language());
  }
}
