package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.customerSays;
import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static io.deskbridge.plugin.amocrm.TestTenant.deliverUntilSettled;
import static io.deskbridge.plugin.amocrm.TestTenant.internalNote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.plugin.spi.CardEntry;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationToLeadTest {

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  @Test
  void newConversationCreatesOneContactAndLeadAndEachMessageANoteInOrder() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada Lovelace", "ada@example.com", "+7 999 000-11-22");
    AmoCrmPlugin plugin = t.plugin();
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(81, 40), 1).outcome());
    for (int i = 1; i <= 5; i++) {
      assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, i, "message " + i), 1).outcome());
    }
    assertEquals(1, amo.contacts().size());
    assertEquals(1, amo.leads().size());
    long lead = amo.leads().get(0).get("id").asLong();
    List<String> notes = amo.noteTexts(lead);
    assertEquals(5, notes.size());
    for (int i = 1; i <= 5; i++) {
      assertTrue(notes.get(i - 1).contains("Ada Lovelace via telegram"), notes.get(i - 1));
      assertTrue(notes.get(i - 1).contains("\nmessage " + i + "\n"), notes.get(i - 1));
    }
    String contact = amo.contacts().get(0).toString();
    assertTrue(contact.contains("ada@example.com") && contact.contains("PHONE"), contact);

    List<CardEntry> card = plugin.customerCard(40);
    assertEquals(List.of("amoCRM contact", "amoCRM lead", "amoCRM budget (LTV)"),
        card.stream().map(CardEntry::label).toList());
    assertEquals(amo.url() + "/leads/detail/" + lead, card.get(1).url());
  }

  @Test
  void anExistingContactIsFoundByPhoneWrittenWithTheTrunkPrefix() {
    TestTenant first = TestTenant.withToken(amo).customer(40, "Ada", null, "+79990001122");
    deliver(first.plugin(), first.opened(81, 40), 1);
    TestTenant other = TestTenant.withToken(amo).customer(41, "Ada again", null, "8 (999) 000-11-22");
    deliver(other.plugin(), other.opened(90, 41), 1);
    assertEquals(1, amo.contacts().size());
    assertEquals(1, amo.leads().size(), "the contact's open lead is reused");
  }

  @Test
  void closingAddsASummaryWithCategoryDurationAndDialogLink() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    Instant closedAt = t.openedAt.get(81L).plus(Duration.ofHours(2).plusMinutes(5).plusSeconds(40));
    deliver(plugin, new ConversationClosed(TestTenant.ID, 81, 5L, closedAt), 1);
    deliver(plugin, new ConversationClosed(TestTenant.ID, 81, 5L, closedAt), 2);
    List<String> notes = amo.noteTexts(amo.leads().get(0).get("id").asLong());
    assertEquals(1, notes.size(), notes::toString);
    String summary = notes.get(0);
    assertTrue(summary.contains("Category: How-to"), summary);
    assertTrue(summary.contains("\nDuration: 2 h 5 min\n"), summary);
    assertTrue(summary.contains(TestTenant.PUBLIC_URL + "/conversations/81?tenant=acme"), summary);
  }

  @Test
  void durationsReadAsAPersonSaysThem() {
    assertEquals("45 s", ClosingSummary.spoken(Duration.ofSeconds(45)));
    assertEquals("12 min", ClosingSummary.spoken(Duration.ofMinutes(12).plusSeconds(59)));
    assertEquals("3 h", ClosingSummary.spoken(Duration.ofHours(3)));
    assertEquals("3 d 4 h", ClosingSummary.spoken(Duration.ofDays(3).plusHours(4).plusMinutes(30)));
  }

  @Test
  void internalNotesStayInDeskbridgeUnlessTheOptionIsOn() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin off = t.plugin();
    assertFalse(off.wants(internalNote(81, 7, "staff only")));
    deliver(off, t.opened(81, 40), 1);
    deliver(off, internalNote(81, 7, "staff only"), 1);
    assertTrue(amo.noteTexts(amo.leads().get(0).get("id").asLong()).isEmpty());

    AmoCrmPlugin on = t.with("syncInternalNotes", true).plugin();
    assertTrue(on.wants(internalNote(81, 8, "for the CRM")));
    deliver(on, internalNote(81, 8, "for the CRM"), 1);
    assertTrue(amo.noteTexts(amo.leads().get(0).get("id").asLong()).get(0).startsWith("Internal note by Ivan Agent"));
  }

  @Test
  void aRepeatedJobCreatesNothingTwiceEvenWhenItsRecordWasLost() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    deliver(plugin, customerSays(81, 1, "hello"), 1);
    deliver(plugin, customerSays(81, 1, "hello"), 2);
    // The vendor created the note but the server died before recording it.
    t.mappings.remote.remove("message:1");
    deliver(plugin, customerSays(81, 1, "hello"), 2);
    t.mappings.remote.keySet().removeIf(k -> k.startsWith("conversation:") || k.startsWith("contact:"));
    deliver(plugin, t.opened(81, 40), 2);
    assertEquals(1, amo.contacts().size());
    assertEquals(1, amo.leads().size());
    assertEquals(1, amo.noteTexts(amo.leads().get(0).get("id").asLong()).size());
  }

  @Test
  void twoConversationsOfANewCustomerAtOnceMakeOneContactAndOneLead() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", "+79990001122");
    AmoCrmPlugin serverA = t.plugin();
    AmoCrmPlugin serverB = t.plugin();
    var a = CompletableFuture.supplyAsync(() -> deliverUntilSettled(serverA, t.opened(81, 40)));
    var b = CompletableFuture.supplyAsync(() -> deliverUntilSettled(serverB, t.opened(82, 40)));
    assertEquals(DeliveryResult.Outcome.DONE, a.join().outcome());
    assertEquals(DeliveryResult.Outcome.DONE, b.join().outcome());
    assertEquals(1, amo.contacts().size());
    assertEquals(1, amo.leads().size());
  }
}
