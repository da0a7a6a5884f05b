package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeadPolicyTest {

  final FakeAmoCrm amo = new FakeAmoCrm();

  @AfterEach
  void stop() {
    amo.close();
  }

  private static List<String> tags(JsonNode lead) {
    List<String> names = new ArrayList<>();
    lead.path("_embedded").path("tags").forEach(t -> names.add(t.get("name").asText()));
    return names;
  }

  @Test
  void theOpenLeadIsReusedAndTaggedWithEachChannelTheCustomerWroteOn() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40, "telegram"), 1);
    long lead = amo.leads().get(0).get("id").asLong();
    assertEquals(List.of("deskbridge", "telegram"), tags(amo.lead(lead)));

    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(82, 40, "whatsapp"), 1).outcome());
    deliver(plugin, t.opened(83, 40, "telegram"), 1);
    assertEquals(1, amo.leads().size());
    assertEquals(List.of("deskbridge", "telegram", "whatsapp"), tags(amo.lead(lead)));
  }

  @Test
  void aWonLeadIsLeftAloneAndTheNextConversationGetsANewLead() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    long first = amo.leads().get(0).get("id").asLong();
    amo.userEditsLead(first, Crm.WON, 5000);

    deliver(plugin, t.opened(82, 40, "email"), 1);
    assertEquals(2, amo.leads().size());
    assertEquals(Crm.WON, amo.lead(first).get("status_id").asLong());
    JsonNode second = amo.leads().get(1);
    assertEquals(List.of("deskbridge", "email"), tags(second));
    assertEquals(1, amo.contacts().size());
  }

  @Test
  void withReopenTheLostLeadMovesBackToTheConfiguredStage() {
    TestTenant t = TestTenant.withToken(amo).customer(40, "Ada", "ada@example.com", null)
        .with("closedLeadPolicy", "reopen").with("statusId", FakeAmoCrm.SECOND_STAGE);
    AmoCrmPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    long lead = amo.leads().get(0).get("id").asLong();
    amo.userEditsLead(lead, Crm.LOST, 0);

    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(82, 40, "email"), 1).outcome());
    deliver(plugin, t.opened(82, 40, "email"), 2);
    assertEquals(1, amo.leads().size());
    assertEquals(FakeAmoCrm.SECOND_STAGE, amo.lead(lead).get("status_id").asLong());
    assertEquals(List.of("deskbridge", "telegram", "email"), tags(amo.lead(lead)));
  }

  @Test
  void reopeningNeedsTheStageToReopenAt() {
    AmoCrmPluginFactory factory = new AmoCrmPluginFactory();
    assertEquals(List.of(new FieldError("statusId",
            "is required when closedLeadPolicy is reopen: it is the stage a closed lead moves back to")),
        factory.validate(TestTenant.withToken(amo).with("closedLeadPolicy", "reopen").config()));
    assertEquals(List.of(), factory.validate(TestTenant.withToken(amo).with("closedLeadPolicy", "reopen")
        .with("statusId", FakeAmoCrm.SECOND_STAGE).config()));
  }
}
