package io.deskbridge.plugin.bitrix;

import static io.deskbridge.plugin.bitrix.TestTenant.closed;
import static io.deskbridge.plugin.bitrix.TestTenant.deliver;
import static io.deskbridge.plugin.bitrix.TestTenant.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.WebhookRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundEventsTest {

  final FakeBitrix24 bitrix = new FakeBitrix24();

  @AfterEach
  void stop() {
    bitrix.close();
  }

  @Test
  void aStageChangeOfALinkedDealBecomesOneInternalNoteOnTheConversation() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    long deal = bitrix.deals().get(0).path("ID").asLong();
    bitrix.moveToStage("deal", deal, "PREPARATION");
    String event = bitrix.eventForm("ONCRMDEALUPDATE", deal, FakeBitrix24.APPLICATION_TOKEN);
    assertEquals(200, plugin.handleWebhook(post("events", event)).status());
    assertEquals(200, plugin.handleWebhook(post("events", event)).status());
    List<String> notes = t.notes.notes.get(81L);
    assertEquals(1, notes.size(), notes::toString);
    assertEquals("Bitrix24: deal #" + deal + " moved to stage PREPARATION. " + bitrix.url() + "/crm/deal/details/"
        + deal + "/", notes.get(0));

    bitrix.moveToStage("deal", deal, "WON");
    plugin.handleWebhook(post("events", event));
    assertEquals(2, notes.size());
    assertTrue(notes.get(1).contains("moved to stage WON (was PREPARATION)"), notes.get(1));
    assertTrue(plugin.customerCard(40).get(1).value().endsWith(", stage WON"));
  }

  @Test
  void leadStatusChangesAreNotedToo() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("entity", "lead").customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    long lead = bitrix.leads().get(0).path("ID").asLong();
    bitrix.moveToStage("lead", lead, "IN_PROCESS");
    plugin.handleWebhook(post("events", bitrix.eventForm("ONCRMLEADUPDATE", lead, FakeBitrix24.APPLICATION_TOKEN)));
    assertEquals(List.of("Bitrix24: lead #" + lead + " moved to stage IN_PROCESS. " + bitrix.url()
        + "/crm/lead/details/" + lead + "/"), t.notes.notes.get(81L));
  }

  @Test
  void theMoveDeskbridgeMadeOnCloseIsNotNotedAsNews() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("closeStages", List.of("*=WON"))
        .customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    deliver(plugin, closed(81), 1);
    long deal = bitrix.deals().get(0).path("ID").asLong();
    assertEquals("WON", bitrix.deals().get(0).path("STAGE_ID").asText());
    plugin.handleWebhook(post("events", bitrix.eventForm("ONCRMDEALUPDATE", deal, FakeBitrix24.APPLICATION_TOKEN)));
    assertTrue(t.notes.notes.isEmpty(), t.notes.notes::toString);
  }

  @Test
  void aForgedOrMissingApplicationTokenIsRejectedBeforeAnythingIsRead() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    long deal = bitrix.deals().get(0).path("ID").asLong();
    bitrix.moveToStage("deal", deal, "WON");
    int calls = bitrix.calls().size();
    assertEquals(401, plugin.handleWebhook(post("events", bitrix.eventForm("ONCRMDEALUPDATE", deal,
        "51856fefc120afa4b628cc82d3935ccX"))).status());
    assertEquals(401, plugin.handleWebhook(post("events", "event=ONCRMDEALUPDATE&data%5BFIELDS%5D%5BID%5D=" + deal))
        .status());
    assertEquals(404, plugin.handleWebhook(new WebhookRequest("GET", "events", Map.of(), null, new byte[0]))
        .status());
    assertTrue(t.notes.notes.isEmpty());
    assertEquals(calls, bitrix.calls().size(), "nothing was asked of Bitrix24 for a forged event");

    TestTenant noToken = TestTenant.withWebhook(bitrix);
    noToken.settings.remove("applicationToken");
    assertEquals(403, noToken.plugin().handleWebhook(post("events", bitrix.eventForm("ONCRMDEALUPDATE", deal,
        FakeBitrix24.APPLICATION_TOKEN))).status());
  }

  @Test
  void anInstalledAppsEventsAreVerifiedByTheTokenItsInstallDelivered() {
    TestTenant t = TestTenant.withOAuth(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    plugin.handleWebhook(post("install", bitrix.installForm("app-token-from-install")));
    deliver(plugin, t.opened(81, 40), 1);
    long deal = bitrix.deals().get(0).path("ID").asLong();
    bitrix.moveToStage("deal", deal, "WON");
    assertEquals(401, plugin.handleWebhook(post("events", bitrix.eventForm("ONCRMDEALUPDATE", deal,
        FakeBitrix24.APPLICATION_TOKEN))).status());
    assertEquals(403, plugin.handleWebhook(post("events", bitrix.eventForm("ONCRMDEALUPDATE", deal,
        "app-token-from-install").replace("acme.bitrix24.com", "evil.bitrix24.com"))).status());
    assertEquals(200, plugin.handleWebhook(post("events", bitrix.eventForm("ONCRMDEALUPDATE", deal,
        "app-token-from-install"))).status());
    assertEquals(1, t.notes.notes.get(81L).size());
  }

  @Test
  void eventsOfRecordsDeskbridgeDidNotCreateAreIgnored() {
    TestTenant t = TestTenant.withWebhook(bitrix);
    assertEquals(200, t.plugin().handleWebhook(post("events", bitrix.eventForm("ONCRMDEALUPDATE", 4711,
        FakeBitrix24.APPLICATION_TOKEN))).status());
    assertTrue(t.notes.notes.isEmpty());
    assertTrue(bitrix.calls().isEmpty());
  }
}
