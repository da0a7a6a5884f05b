package io.deskbridge.core.customer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The customer card: contacts, tags, lifetime value. */
class CustomerTest {

  private static final Instant T0 = Instant.parse("2025-01-10T09:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private static Customer customer() {
    return new Customer(new TenantId(1), "Ivan", T0);
  }

  private static CustomerProfile profile(String name, String email, String phone) {
    return new CustomerProfile(name, email, phone, null, null, null, null, null);
  }

  private static Customer customerWithContacts() {
    Customer customer = customer();
    customer.update(new CustomerProfile("Ivan Petrov", "ivan@example.com", "+79990000000", Language.RU,
        "acc-1", "pro", new Money(new BigDecimal("120.50"), "USD"), Map.of("city", "Kazan")), T0);
    return customer;
  }

  private static List<String> failingFields(Executable action) {
    InvalidInputException e = assertThrows(InvalidInputException.class, action);
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void tagsIgnoreCaseAndSurroundingSpaces() {
    Customer customer = customer();

    customer.tag(" VIP ", T1);
    customer.tag("vip", T1);
    customer.tag("Our Client", T1);

    assertEquals(List.of("our client", "vip"), customer.tags());
  }

  @Test
  void untaggingRemovesTheTagWhateverItsCase() {
    Customer customer = customer();
    customer.tag("vip", T0);
    customer.tag("reseller", T0);

    customer.untag(" VIP", T1);

    assertEquals(List.of("reseller"), customer.tags());
    assertEquals(T1, customer.updatedAt());
  }

  @Test
  void untaggingAnAbsentTagChangesNothing() {
    Customer customer = customer();

    customer.untag("vip", T1);

    assertEquals(List.of(), customer.tags());
    assertEquals(T0, customer.updatedAt());
  }

  @Test
  void retaggingReplacesAllTags() {
    Customer customer = customer();
    customer.tag("vip", T0);

    customer.retag(List.of("Reseller", "RESELLER", "new"), T1);

    assertEquals(List.of("new", "reseller"), customer.tags());
  }

  @Test
  void updateLeavesAbsentFieldsAsTheyAre() {
    Customer customer = customerWithContacts();

    customer.update(profile(null, null, null), T1);

    assertEquals("Ivan Petrov", customer.name());
    assertEquals(Optional.of("ivan@example.com"), customer.email());
    assertEquals(Optional.of("+79990000000"), customer.phone());
    assertEquals(Optional.of(Language.RU), customer.language());
    assertEquals(Optional.of("acc-1"), customer.accountId());
    assertEquals(Optional.of("pro"), customer.plan());
    assertEquals(Optional.of(new Money(new BigDecimal("120.5"), "USD")), customer.ltv());
    assertEquals(Map.of("city", "Kazan"), customer.attributes());
    assertEquals(T1, customer.updatedAt());
  }

  @Test
  void updateWithEmptyTextClearsTheField() {
    Customer customer = customerWithContacts();

    customer.update(new CustomerProfile("", "", " ", null, "", "", null, Map.of()), T1);

    assertNull(customer.name());
    assertEquals(Optional.empty(), customer.email());
    assertEquals(Optional.empty(), customer.phone());
    assertEquals(Optional.empty(), customer.accountId());
    assertEquals(Optional.empty(), customer.plan());
    assertEquals(Map.of(), customer.attributes());
  }

  @Test
  void updateTrimsText() {
    Customer customer = customer();

    customer.update(profile("  Ivan  ", " ivan@example.com ", null), T1);

    assertEquals("Ivan", customer.name());
    assertEquals(Optional.of("ivan@example.com"), customer.email());
  }

  @Test
  void cardFlagsAMissingEmail() {
    Customer customer = customer();
    assertTrue(customer.isEmailMissing());

    customer.update(profile(null, "ivan@example.com", null), T1);
    assertFalse(customer.isEmailMissing());

    customer.update(profile(null, "", null), T1);
    assertTrue(customer.isEmailMissing());
  }

  @Test
  void customerIsRecognisedOncePerChannelIdentity() {
    Customer customer = customer();

    customer.recognizeAs("telegram", "100");
    customer.recognizeAs("telegram", "100");
    customer.recognizeAs("email", "ivan@example.com");

    assertEquals(List.of("email", "telegram"),
        customer.identities().stream().map(ChannelIdentity::channel).toList());
  }

  @Test
  void negativeLifetimeValueIsRejected() {
    assertEquals(List.of("ltv.amount"), failingFields(() -> new Money(new BigDecimal("-0.01"), "USD")));
    assertEquals(List.of("ltv.amount"), failingFields(() -> new Money(null, "USD")));
  }

  @Test
  void lifetimeValueInUnknownCurrencyIsRejected() {
    assertEquals(List.of("ltv.currency"), failingFields(() -> new Money(BigDecimal.TEN, "XYZ")));
    assertEquals(List.of("ltv.currency"), failingFields(() -> new Money(BigDecimal.TEN, "dollars")));
    assertEquals(List.of("ltv.currency"), failingFields(() -> new Money(BigDecimal.TEN, null)));
  }

  @Test
  void lifetimeValueWithBadAmountAndCurrencyReportsBoth() {
    assertEquals(List.of("ltv.amount", "ltv.currency"), failingFields(() -> new Money(new BigDecimal("-1"), "XYZ")));
  }

  @Test
  void lifetimeValueIsKeptToCents() {
    assertEquals(new BigDecimal("20.00"), new Money(new BigDecimal("19.999"), "RUB").amount());
    assertEquals(new BigDecimal("7.00"), new Money(new BigDecimal("7"), "RUB").amount());
    assertEquals(new BigDecimal("0.12"), new Money(new BigDecimal("0.125"), "RUB").amount());
  }

  @Test
  void zeroIsAValidLifetimeValue() {
    Money zero = new Money(BigDecimal.ZERO, "EUR");

    assertEquals(new BigDecimal("0.00"), zero.amount());
    assertEquals("EUR", zero.currency());
    assertEquals("0.00 EUR", zero.toString());
  }

  @Test
  void sameLifetimeValueWrittenDifferentlyIsEqual() {
    assertEquals(new Money(new BigDecimal("5"), "USD"), new Money(new BigDecimal("5.000"), "USD"));
  }

  @Test
  void profileWithBadEmailIsRejectedNamingThePrefixedField() {
    assertEquals(List.of("customer.email"),
        failingFields(() -> profile(null, "not-an-email", null).validate("customer.")));
  }

  @Test
  void profileWithBadPhoneIsRejectedNamingThePrefixedField() {
    assertEquals(List.of("customer.phone"),
        failingFields(() -> profile(null, null, "call me maybe").validate("customer.")));
  }

  @Test
  void profileWithBadEmailAndPhoneReportsBoth() {
    assertEquals(List.of("email", "phone"),
        failingFields(() -> profile(null, "ivan@", "12").validate("")));
  }

  @Test
  void profileWithOverlongAttributeNamesItsKey() {
    CustomerProfile profile = new CustomerProfile(null, null, null, null, null, null, null,
        Map.of("city", "x".repeat(2001)));

    assertEquals(List.of("attributes.city"), failingFields(() -> profile.validate("")));
  }

  @Test
  void profileWithWellFormedContactsPasses() {
    assertDoesNotThrow(() -> profile("Ivan", "ivan@example.com", "+7 (999) 000-00-00").validate(""));
    assertDoesNotThrow(() -> profile(null, "", "").validate(""));
  }

  @Test
  void becomingOurClientIsAChangeOnlyOnce() {
    Customer customer = customer();
    assertFalse(customer.isOurClient(), "nobody is one of our clients until staff say so");

    assertTrue(customer.treatAsOurClient(true, T1));
    assertTrue(customer.isOurClient());
    assertEquals(T1, customer.updatedAt());
    assertFalse(customer.treatAsOurClient(true, T1.plusSeconds(60)), "marking twice changes nothing");
    assertEquals(T1, customer.updatedAt());
    assertTrue(customer.treatAsOurClient(false, T1.plusSeconds(120)));
    assertFalse(customer.isOurClient());
  }
}
