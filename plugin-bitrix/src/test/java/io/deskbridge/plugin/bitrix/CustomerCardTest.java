package io.deskbridge.plugin.bitrix;

import static io.deskbridge.plugin.bitrix.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.CardEntry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomerCardTest {

  final FakeBitrix24 bitrix = new FakeBitrix24();

  @AfterEach
  void stop() {
    bitrix.close();
  }

  @Test
  void showsTheContactAndTheLatestDealWithItsStageWithoutAskingBitrix24() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("stageId", "PREPARATION")
        .customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    deliver(plugin, t.opened(82, 40), 1);
    long contact = bitrix.contacts().get(0).path("ID").asLong();
    long latest = bitrix.deals().get(1).path("ID").asLong();
    int calls = bitrix.calls().size();

    List<CardEntry> card = plugin.customerCard(40);
    assertEquals(List.of(new CardEntry("Bitrix24 contact", "#" + contact, bitrix.url() + "/crm/contact/details/"
        + contact + "/"), new CardEntry("Bitrix24 deal", "#" + latest + ", stage PREPARATION", bitrix.url()
        + "/crm/deal/details/" + latest + "/")), card);
    assertEquals(calls, bitrix.calls().size());
    assertTrue(plugin.customerCard(41).isEmpty());
  }
}
