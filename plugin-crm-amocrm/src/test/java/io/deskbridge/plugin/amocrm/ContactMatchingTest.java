package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContactMatchingTest {

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  private long contactOfTheLead() {
    assertEquals(1, amo.leads().size(), amo.leads()::toString);
    return amo.leads().get(0).path("_embedded").path("contacts").get(0).get("id").asLong();
  }

  @Test
  void thePhoneWinsOverAnEmailThatBelongsToAnotherContact() {
    long byEmail = amo.existingContact("Office", null, "ada@example.com", null);
    long byPhone = amo.existingContact("Ada mobile", "8 (999) 000-11-22", null, null);
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", "+7 999 000 11 22");
    assertEquals(DeliveryResult.Outcome.DONE, deliver(t.plugin(), t.opened(81, 40), 1).outcome());
    assertEquals(2, amo.contacts().size(), "no contact is created");
    assertEquals(byPhone, contactOfTheLead());
    assertTrue(byEmail != byPhone);
  }

  @Test
  void aMessengerIdIsTriedBeforeTheEmailAndWrittenOnNewContacts() {
    amo.existingContact("Office", null, "ada@example.com", null);
    long byTelegram = amo.existingContact("Ada (Telegram)", null, null, "5512345");
    TestTenant t = TestTenant.withToken(amo)
        .customer(40, "Ada", "ada@example.com", null, Map.of("telegram", "5512345"));
    deliver(t.plugin(), t.opened(81, 40), 1);
    assertEquals(byTelegram, contactOfTheLead());

    TestTenant other = TestTenant.withToken(amo).customer(50, "Bob", null, null, Map.of("telegram", "7700"));
    deliver(other.plugin(), other.opened(90, 50), 1);
    JsonNode created = amo.contacts().get(amo.contacts().size() - 1);
    assertEquals("Bob", created.get("name").asText());
    assertTrue(created.get("custom_fields_values").toString().contains("\"7700\""), created::toString);
    TestTenant again = TestTenant.withToken(amo).customer(51, "Bob again", null, null, Map.of("telegram", "7700"));
    deliver(again.plugin(), again.opened(91, 51), 1);
    assertEquals(3, amo.contacts().size(), "Bob's second customer record finds his contact by Telegram id");
  }

  @Test
  void theRightContactIsFoundOnALaterPageOfASearch() {
    // 300 longer numbers contain the customer's digits: amoCRM's full-text search returns them all.
    for (int i = 0; i < 300; i++) {
      amo.existingContact("Extension " + i, "+7 999 000-11-22 ext " + i, null, null);
    }
    long ada = amo.existingContact("Ada", "8 999 000 11 22", null, null);
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", null, "+79990001122");
    assertEquals(DeliveryResult.Outcome.DONE, deliver(t.plugin(), t.opened(81, 40), 1).outcome());
    assertEquals(301, amo.contacts().size(), "no contact is created");
    assertEquals(ada, contactOfTheLead());
    assertEquals(2, amo.pagesServed().stream().filter(p -> p.startsWith("/api/v4/contacts?")).count(),
        amo.pagesServed()::toString);
    assertTrue(amo.pagesServed().contains("/api/v4/contacts?page=2&limit=250"), amo.pagesServed()::toString);
  }

  @Test
  void nothingFoundIsAnEmptyAnswerAndANewContactIsCreated() {
    amo.existingContact("Someone else", "+1 555 0100", "else@example.com", "42");
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", "+79990001122",
        Map.of("telegram", "5512345"));
    assertEquals(DeliveryResult.Outcome.DONE, deliver(t.plugin(), t.opened(81, 40), 1).outcome());
    assertEquals(2, amo.contacts().size());
    assertTrue(contactOfTheLead() != amo.contacts().get(0).get("id").asLong());
  }
}
