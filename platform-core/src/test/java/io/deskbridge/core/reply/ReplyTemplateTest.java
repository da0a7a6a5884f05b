package io.deskbridge.core.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Saved replies fill the customer's and the agent's details in before the agent sends them. */
class ReplyTemplateTest {

  /** Keys and values in pairs; a HashMap because an unknown value is a null one. */
  private static Map<String, String> values(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  private static String render(String body, Map<String, String> values) {
    return new ReplyTemplate(body).render(values);
  }

  @Test
  void customerAndAgentNamesAreFilledIn() {
    assertEquals("Hello Ivan, this is Ann.",
        render("Hello {{customer.name}}, this is {{agent.name}}.",
            values("customer.name", "Ivan", "agent.name", "Ann")));
  }

  @Test
  void placeholdersWithInnerSpacesAreFilledIn() {
    assertEquals("Hello Ivan, this is Ann.",
        render("Hello {{ customer.name }}, this is {{agent.name  }}.",
            values("customer.name", "Ivan", "agent.name", "Ann")));
  }

  @Test
  void everyOccurrenceIsFilledIn() {
    assertEquals("Ivan, yes, Ivan.",
        render("{{customer.name}}, yes, {{customer.name}}.", values("customer.name", "Ivan")));
  }

  @Test
  void knownPlaceholderWithoutValueBecomesEmpty() {
    assertEquals("We will write to .",
        render("We will write to {{customer.email}}.", values("customer.email", null)));
  }

  @Test
  void unknownPlaceholderStaysVisibleForTheAgent() {
    assertEquals("Hello Ivan, your order {{order.number}} ships today.",
        render("Hello {{customer.name}}, your order {{order.number}} ships today.",
            values("customer.name", "Ivan")));
  }

  @Test
  void dollarSignsAndBackslashesInValuesAreInsertedLiterally() {
    assertEquals("Hi $1 C:\\Users\\ivan $ \\",
        render("Hi {{customer.name}}", values("customer.name", "$1 C:\\Users\\ivan $ \\")));
  }

  @Test
  void textWithoutPlaceholdersIsUnchanged() {
    assertEquals("Thanks for waiting! {{not a placeholder}}",
        render("Thanks for waiting! {{not a placeholder}}", values()));
  }
}
