package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.customerSays;
import static io.deskbridge.plugin.amocrm.TestTenant.deliverUntilSettled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoteBurstTest {

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  static List<Delivery> burst(DomainEvent... events) {
    List<Delivery> jobs = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      jobs.add(new Delivery(100 + i, "job-" + i, 1, events[i], null));
    }
    return jobs;
  }

  static List<String> texts(List<String> notes) {
    return notes.stream().map(n -> n.split("\n")[1]).toList();
  }

  @Test
  void aBurstOfMessagesBecomesNotesInOneRequestInOrder() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliverUntilSettled(plugin, t.opened(81, 40));
    List<DeliveryResult> results = plugin.deliverAll(burst(customerSays(81, 1, "one"), customerSays(81, 2, "two"),
        TestTenant.internalNote(81, 3, "staff only"), customerSays(81, 4, "three")));
    assertEquals(List.of(DeliveryResult.Outcome.DONE, DeliveryResult.Outcome.DONE),
        results.subList(0, 2).stream().map(DeliveryResult::outcome).toList());
    assertEquals(4, results.size(), "the internal note is answered too (nothing to send)");
    long lead = amo.leads().get(0).get("id").asLong();
    assertEquals(List.of("one", "two", "three"), texts(amo.noteTexts(lead)));
    assertTrue(amo.noteRequests() <= 2, "one request per run of notes, got " + amo.noteRequests());
  }

  @Test
  void aRepeatedBurstWhoseAnswerWasLostWritesNothingTwice() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", null, null);
    AmoCrmPlugin plugin = t.plugin();
    deliverUntilSettled(plugin, t.opened(81, 40));
    List<Delivery> jobs = burst(customerSays(81, 1, "one"), customerSays(81, 2, "two"), customerSays(81, 3, "three"));
    plugin.deliverAll(jobs);
    // The server died after amoCRM stored the notes and before their ids were remembered.
    t.mappings.remote.keySet().removeIf(k -> k.startsWith("message:"));
    List<DeliveryResult> again = plugin.deliverAll(jobs);
    assertEquals(3, again.size());
    long lead = amo.leads().get(0).get("id").asLong();
    assertEquals(List.of("one", "two", "three"), texts(amo.noteTexts(lead)));
  }

  @Test
  void aRefusedRunAnswersForItsFirstJobOnlySoTheRestWaitInOrder() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", null, null);
    AmoCrmPlugin plugin = t.plugin();
    deliverUntilSettled(plugin, t.opened(81, 40));
    amo.stormOf429(1);
    List<DeliveryResult> results = plugin.deliverAll(burst(customerSays(81, 1, "one"), customerSays(81, 2, "two")));
    assertEquals(1, results.size());
    assertEquals(DeliveryResult.Outcome.RETRY, results.get(0).outcome());
    assertTrue(amo.noteTexts(amo.leads().get(0).get("id").asLong()).isEmpty());
  }
}
