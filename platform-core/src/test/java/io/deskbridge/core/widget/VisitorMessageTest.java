package io.deskbridge.core.widget;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the widget must send: a name to address the visitor by, and a message of reasonable size. */
class VisitorMessageTest {

  private static List<String> failing(VisitorMessage message) {
    return assertThrows(InvalidInputException.class, message::validate).errors().stream()
        .map(FieldError::field).toList();
  }

  @Test
  void aNamedVisitorsMessageIsAccepted() {
    assertDoesNotThrow(new VisitorMessage("c-1", "Olga", null, "ru", "Where is my order?")::validate);
    assertDoesNotThrow(new VisitorMessage("c-1", "Olga", "olga@x.test", null, "x".repeat(4000))::validate);
  }

  @Test
  void eachBadFieldIsNamed() {
    assertEquals(List.of("text"), failing(new VisitorMessage("c-1", "Olga", null, null, "  ")));
    assertEquals(List.of("text"), failing(new VisitorMessage("c-1", "Olga", null, null, "x".repeat(4001))));
    assertEquals(List.of("name"), failing(new VisitorMessage("c-1", " ", null, null, "hi")));
    assertEquals(List.of("email"), failing(new VisitorMessage("c-1", "Olga", "olga at home", null, "hi")));
    assertEquals(List.of("clientMessageId"), failing(new VisitorMessage("a b", "Olga", null, null, "hi")));
  }
}
