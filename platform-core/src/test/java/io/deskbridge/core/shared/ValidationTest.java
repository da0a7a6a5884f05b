package io.deskbridge.core.shared;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client learns every bad field of a request in one round trip. */
class ValidationTest {

  private static List<String> failingFields(Validation validation) {
    InvalidInputException e = assertThrows(InvalidInputException.class, validation::orThrow);
    return e.errors().stream().map(FieldError::field).toList();
  }

  private static boolean acceptsEmail(String value) {
    return !new Validation().email("email", value).hasErrorFor("email");
  }

  @Test
  void everyErrorIsReportedInTheOrderOfTheChecks() {
    Validation validation = new Validation()
        .required("name", null)
        .required("title", "  ")
        .maxLength("subject", "abcdef", 5)
        .email("email", "nope")
        .notEmpty("roles", List.of())
        .check(false, "language", "must be ru or en")
        .required("ok", "value");

    assertEquals(List.of("name", "title", "subject", "email", "roles", "language"), failingFields(validation));
  }

  @Test
  void errorsCarryAReasonToActOn() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new Validation().required("name", "").maxLength("code", "abc", 2).orThrow());

    assertEquals(List.of(
        new FieldError("name", "is required"),
        new FieldError("code", "must be at most 2 characters")), e.errors());
  }

  @Test
  void emailMustLookLikeAnAddress() {
    assertTrue(acceptsEmail("ann@example.com"));
    assertTrue(acceptsEmail("ann.lee+support@mail.example.co.uk"));
    assertFalse(acceptsEmail("ann@example"));
    assertFalse(acceptsEmail("ann example@example.com"));
    assertFalse(acceptsEmail("ann@@example.com"));
    assertFalse(acceptsEmail("example.com"));
  }

  @Test
  void absentEmailIsLeftToTheRequiredCheck() {
    assertTrue(acceptsEmail(null));
    assertTrue(acceptsEmail(""));
  }

  @Test
  void validInputPassesSilently() {
    Validation validation = new Validation()
        .required("name", "Ann")
        .maxLength("name", "Ann", 200)
        .email("email", "ann@example.com")
        .notEmpty("roles", List.of("AGENT"))
        .check(true, "language", "must be ru or en");

    assertDoesNotThrow(validation::orThrow);
    assertFalse(validation.hasErrorFor("name"));
  }

  @Test
  void oneErrorIsNamedInTheMessage() {
    InvalidInputException e = new InvalidInputException("email", "is not an email address");

    assertEquals("email: is not an email address", e.getMessage());
    assertEquals("invalid-input", e.code());
    assertEquals(DomainException.Kind.INVALID, e.kind());
    assertEquals(Map.of("errors", e.errors()), e.details());
  }

  @Test
  void manyErrorsAreCountedInTheMessage() {
    InvalidInputException e = new InvalidInputException(List.of(
        new FieldError("name", "is required"),
        new FieldError("email", "is required"),
        new FieldError("roles", "must not be empty")));

    assertEquals("3 fields are invalid.", e.getMessage());
    assertEquals(3, e.errors().size());
  }
}
