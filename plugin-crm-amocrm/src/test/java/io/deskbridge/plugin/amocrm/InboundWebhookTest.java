package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundWebhookTest {

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  static WebhookRequest post(String path, String form) {
    return new WebhookRequest("POST", path, Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
        null, form.getBytes(StandardCharsets.UTF_8));
  }

  static String statusChange(long lead, long account) {
    return "leads%5Bstatus%5D%5B0%5D%5Bid%5D=" + lead + "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=142"
        + "&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D=" + FakeAmoCrm.FIRST_STAGE
        + "&leads%5Bstatus%5D%5B0%5D%5Blast_modified%5D=1700000000&account%5Bid%5D=" + account
        + "&account%5Bsubdomain%5D=acme";
  }

  @Test
  void aLeadStatusChangeBecomesOneInternalNoteOnTheConversation() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null)
        .with("statusId", FakeAmoCrm.FIRST_STAGE);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    long lead = amo.leads().get(0).get("id").asLong();
    assertEquals(200, plugin.handleWebhook(post(TestTenant.WEBHOOK_TOKEN, statusChange(lead, FakeAmoCrm.ACCOUNT_ID)))
        .status());
    assertEquals(200, plugin.handleWebhook(post(TestTenant.WEBHOOK_TOKEN, statusChange(lead, FakeAmoCrm.ACCOUNT_ID)))
        .status());
    List<String> notes = t.notes.notes.get(81L);
    assertEquals(1, notes.size(), notes::toString);
    assertTrue(notes.get(0).contains("lead #" + lead + " moved to stage 142 “Closed - won” (was "
        + FakeAmoCrm.FIRST_STAGE + " “First contact”)"), notes.get(0));
  }

  @Test
  void aWrongTokenOrAnotherAccountIsRejected() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    long lead = amo.leads().get(0).get("id").asLong();
    assertEquals(401, plugin.handleWebhook(post("guess", statusChange(lead, FakeAmoCrm.ACCOUNT_ID))).status());
    assertEquals(403, plugin.handleWebhook(post(TestTenant.WEBHOOK_TOKEN, statusChange(lead, 1))).status());
    assertTrue(t.notes.notes.isEmpty());
  }

  @Test
  void aNoteAnAmoCrmUserWritesOnTheLeadBecomesOneInternalNote() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    long lead = amo.leads().get(0).get("id").asLong();
    String hook = amo.userWritesNote(lead, 504142, "Called her: she wants the annual plan");
    assertEquals(200, plugin.handleWebhook(post(TestTenant.WEBHOOK_TOKEN, hook)).status());
    assertEquals(200, plugin.handleWebhook(post(TestTenant.WEBHOOK_TOKEN, hook)).status());
    List<String> notes = t.notes.notes.get(81L);
    assertEquals(1, notes.size(), notes::toString);
    assertTrue(notes.get(0).startsWith("amoCRM user #504142 on lead #" + lead + ":\nCalled her: she wants the"
        + " annual plan\n"), notes.get(0));
  }

  @Test
  void notesDeskbridgeWroteAndNotesOnOtherLeadsStayOut() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    deliver(plugin, TestTenant.customerSays(81, 1, "hello"), 1);
    long lead = amo.leads().get(0).get("id").asLong();
    String ours = amo.noteTexts(lead).get(0);
    assertEquals(200, plugin.handleWebhook(post(TestTenant.WEBHOOK_TOKEN,
        amo.userWritesNote(lead, 504141, ours))).status());
    long unrelated = amo.leads().get(0).get("id").asLong() + 1000;
    plugin.handleWebhook(post(TestTenant.WEBHOOK_TOKEN, amo.userWritesNote(unrelated, 504142, "not ours")));
    assertTrue(t.notes.notes.isEmpty(), t.notes.notes::toString);
  }

  @Test
  void theCardShowsTheLeadStageAndBudgetAmoCrmLastReported() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null)
        .with("statusId", FakeAmoCrm.FIRST_STAGE);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    long lead = amo.leads().get(0).get("id").asLong();
    assertEquals(List.of("amoCRM contact: #" + amo.contacts().get(0).get("id").asLong(), "amoCRM lead: #" + lead,
        "amoCRM lead stage: First contact", "amoCRM budget (LTV): 0"), card(plugin));

    amo.userEditsLead(lead, FakeAmoCrm.FIRST_STAGE, 25000);
    plugin.handleWebhook(post(TestTenant.WEBHOOK_TOKEN,
        amo.statusChangeForm(lead, FakeAmoCrm.SECOND_STAGE, FakeAmoCrm.ACCOUNT_ID)));
    int requests = amo.requests();
    assertEquals(List.of("amoCRM contact: #" + amo.contacts().get(0).get("id").asLong(), "amoCRM lead: #" + lead,
        "amoCRM lead stage: Negotiation", "amoCRM budget (LTV): 25 000"), card(plugin));
    assertEquals(requests, amo.requests(), "the card never calls amoCRM");
  }

  private static List<String> card(AmoCrmPlugin plugin) {
    return plugin.customerCard(40).stream().map(e -> e.label() + ": " + e.value()).toList();
  }
}
