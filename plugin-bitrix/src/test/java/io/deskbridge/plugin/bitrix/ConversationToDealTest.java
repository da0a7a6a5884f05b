package io.deskbridge.plugin.bitrix;

import static io.deskbridge.plugin.bitrix.TestTenant.deliver;
import static io.deskbridge.plugin.bitrix.TestTenant.deliverUntilSettled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationToDealTest {

  final FakeBitrix24 bitrix = new FakeBitrix24();

  @AfterEach
  void stop() {
    bitrix.close();
  }

  @Test
  void newConversationCreatesAContactAndALinkedDealInTheConfiguredPipeline() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("categoryId", 2L).with("stageId", "C2:PREPARATION")
        .with("responsibleUserId", 9L).customer(40, "Ada Lovelace", "ada@example.com", "8 (999) 000-11-22");
    assertEquals(DeliveryResult.Outcome.DONE, deliver(t.plugin(), t.opened(81, 40), 1).outcome());

    JsonNode contact = bitrix.contacts().get(0);
    assertEquals("Ada Lovelace", contact.path("NAME").asText());
    assertEquals("+79990001122", contact.path("PHONE").get(0).path("VALUE").asText());
    assertEquals("ada@example.com", contact.path("EMAIL").get(0).path("VALUE").asText());
    JsonNode deal = bitrix.deals().get(0);
    assertEquals(contact.path("ID").asText(), deal.path("CONTACT_ID").asText());
    assertEquals("2", deal.path("CATEGORY_ID").asText());
    assertEquals("C2:PREPARATION", deal.path("STAGE_ID").asText());
    assertEquals("9", deal.path("ASSIGNED_BY_ID").asText());
    assertTrue(deal.path("TITLE").asText().contains("Ada Lovelace (telegram)"), deal.toString());
    assertEquals("deal:" + deal.path("ID").asText(), t.mappings.remote.get("conversation:81"));
  }

  @Test
  void leadsAreCreatedWhenTheEntityIsLead() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("entity", "lead").customer(40, "Ada", "ada@example.com", null);
    deliver(t.plugin(), t.opened(81, 40), 1);
    assertEquals(0, bitrix.deals().size());
    assertEquals(1, bitrix.leads().size());
    assertEquals(bitrix.contacts().get(0).path("ID").asText(), bitrix.leads().get(0).path("CONTACT_ID").asText());
    assertEquals("NEW", bitrix.leads().get(0).path("STATUS_ID").asText());
  }

  @Test
  void anExistingContactIsFoundByItsPhoneWrittenWithTheTrunkPrefix() {
    TestTenant first = TestTenant.withWebhook(bitrix).customer(40, "Ada", null, "+7 999 000-11-22");
    deliver(first.plugin(), first.opened(81, 40), 1);
    TestTenant other = TestTenant.withWebhook(bitrix).customer(41, "Ada again", null, "8 (999) 000-11-22");
    deliver(other.plugin(), other.opened(90, 41), 1);
    assertEquals(1, bitrix.contacts().size());
    assertEquals(2, bitrix.deals().size(), "each conversation has its own deal");
    assertEquals(bitrix.contacts().get(0).path("ID").asText(), bitrix.deals().get(1).path("CONTACT_ID").asText());
  }

  @Test
  void aContactIsFoundByEmailInAnyCaseWhenThePhoneMatchesNothing() {
    TestTenant first = TestTenant.withWebhook(bitrix).customer(40, "Ada", "Ada@Example.com", null);
    deliver(first.plugin(), first.opened(81, 40), 1);
    TestTenant other = TestTenant.withWebhook(bitrix).customer(41, "Ada L.", "ada@example.com", "+15550001111");
    deliver(other.plugin(), other.opened(90, 41), 1);
    assertEquals(1, bitrix.contacts().size());
    assertEquals(bitrix.contacts().get(0).path("ID").asText(), bitrix.deals().get(1).path("CONTACT_ID").asText());
  }

  @Test
  void twoConversationsOfANewCustomerAtOnceMakeOneContact() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", "+79990001122");
    BitrixPlugin serverA = t.plugin();
    BitrixPlugin serverB = t.plugin();
    var a = CompletableFuture.supplyAsync(() -> deliverUntilSettled(serverA, t.opened(81, 40)));
    var b = CompletableFuture.supplyAsync(() -> deliverUntilSettled(serverB, t.opened(82, 40)));
    assertEquals(DeliveryResult.Outcome.DONE, a.join().outcome());
    assertEquals(DeliveryResult.Outcome.DONE, b.join().outcome());
    assertEquals(1, bitrix.contacts().size());
    assertEquals(2, bitrix.deals().size());
  }

  @Test
  void aRepeatedJobWhoseRecordsWereLostCreatesNothingTwice() {
    // no phone, no email: only the ORIGIN_ID can find the contact again
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", null, null);
    BitrixPlugin plugin = t.plugin();
    DeliveryResult first = deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.DONE, first.outcome());
    t.mappings.remote.keySet().removeIf(k -> k.startsWith("conversation:") || k.startsWith("contact:"));
    t.mappings.remote.put("contact-sending:40", "uncertain");
    t.mappings.remote.put("deal-sending:81", "uncertain");
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(81, 40), 2).outcome());
    assertEquals(1, bitrix.contacts().size());
    assertEquals(1, bitrix.deals().size());
  }

  @Test
  void aDealWhoseAnswerWasLostIsFoundByItsOriginOnTheRetry() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(80, 40), 1); // the contact exists and is known
    int before = bitrix.calls().size();
    bitrix.loseAnswers(1); // the deal is created, the proxy answers 502
    DeliveryResult lost = deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.RETRY, lost.outcome());
    assertTrue(lost.detail().contains("502"), lost.detail());
    assertEquals("crm.deal.add", bitrix.calls().get(before));
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, t.opened(81, 40), 2).outcome());
    assertEquals(2, bitrix.deals().size(), "one deal per conversation, none twice");
    assertEquals("deal:" + bitrix.deals().get(1).path("ID").asText(), t.mappings.remote.get("conversation:81"));
  }

  @Test
  void assigningAMappedAgentMakesTheirBitrix24UserResponsible() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("responsibleUserId", 1L)
        .with("responsibleUsers", List.of("3=17", "4 = 18")).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    assertEquals("1", bitrix.deals().get(0).path("ASSIGNED_BY_ID").asText());
    assertFalse(plugin.wants(new ConversationAssigned(TestTenant.ID, 81, 5L, Instant.now())), "agent 5 has no user");
    assertFalse(plugin.wants(new ConversationAssigned(TestTenant.ID, 81, null, Instant.now())));
    var toAgent4 = new ConversationAssigned(TestTenant.ID, 81, 4L, Instant.now());
    assertTrue(plugin.wants(toAgent4));
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, toAgent4, 1).outcome());
    assertEquals("18", bitrix.deals().get(0).path("ASSIGNED_BY_ID").asText());
  }

  @Test
  void bitrix24sValidationErrorIsTheDeadLettersReason() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("stageId", "C7:NEW").customer(40, "Ada", "ada@example.com",
        null);
    DeliveryResult result = deliver(t.plugin(), t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("crm.deal.add with 400 {, Stage C7:NEW is not in the deal's pipeline 0.}"),
        result.detail());
  }
}
