package io.deskbridge.plugin.bitrix;

import static io.deskbridge.plugin.bitrix.TestTenant.agentSays;
import static io.deskbridge.plugin.bitrix.TestTenant.closed;
import static io.deskbridge.plugin.bitrix.TestTenant.customerSays;
import static io.deskbridge.plugin.bitrix.TestTenant.deliver;
import static io.deskbridge.plugin.bitrix.TestTenant.deliverAll;
import static io.deskbridge.plugin.bitrix.TestTenant.internalNote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimelineTest {

  final FakeBitrix24 bitrix = new FakeBitrix24();

  @AfterEach
  void stop() {
    bitrix.close();
  }

  private long deal() {
    return bitrix.deals().get(0).path("ID").asLong();
  }

  @Test
  void publicMessagesBecomeTimelineCommentsInOrderThroughBatch() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada Lovelace", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, 1, "My order is late"), 1).outcome());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, agentSays(81, 2, "Let me check"), 1).outcome());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, 3, "Thanks"), 1).outcome());

    List<String> comments = bitrix.comments("deal", deal());
    assertEquals(3, comments.size());
    assertTrue(comments.get(0).startsWith("Ada Lovelace via telegram · "), comments.get(0));
    assertTrue(comments.get(0).contains("\nMy order is late\n[deskbridge message-1]"), comments.get(0));
    assertTrue(comments.get(1).startsWith("Ivan Agent via telegram"), comments.get(1));
    assertTrue(comments.get(2).contains("\nThanks\n"), comments.get(2));
    assertEquals(3, bitrix.calls().stream().filter("batch>crm.timeline.comment.add"::equals).count());
  }

  @Test
  void aRepeatedMessageJobWritesNothingTwiceAndKeepsNoText() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    deliver(plugin, customerSays(81, 1, "hello"), 1);
    deliver(plugin, customerSays(81, 1, "hello"), 2);
    assertEquals(1, bitrix.comments("deal", deal()).size());
    assertFalse(t.mappings.remote.values().stream().anyMatch(v -> v.contains("hello")),
        "the text is never kept in the mappings");
  }

  @Test
  void internalNotesStayInDeskbridgeUnlessTheOptionIsOn() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin off = t.plugin();
    assertFalse(off.wants(internalNote(81, 7, "staff only")));
    deliver(off, t.opened(81, 40), 1);
    deliver(off, internalNote(81, 7, "staff only"), 1);
    assertTrue(bitrix.comments("deal", deal()).isEmpty());

    BitrixPlugin on = t.with("syncInternalNotes", true).plugin();
    assertTrue(on.wants(internalNote(81, 8, "for the CRM")));
    deliver(on, internalNote(81, 8, "for the CRM"), 1);
    assertTrue(bitrix.comments("deal", deal()).get(0).startsWith("Internal note by Ivan Agent · "));
  }

  @Test
  void aBurstOfMessagesIsOneBatchAndAnsweredInOrder() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    int before = bitrix.batchSizes().size();
    List<DeliveryResult> results = deliverAll(plugin, IntStream.rangeClosed(1, 20)
        .mapToObj(i -> customerSays(81, i, "message " + i)).toList());
    assertEquals(20, results.size());
    assertTrue(results.stream().allMatch(r -> r.outcome() == DeliveryResult.Outcome.DONE), results.toString());
    assertEquals(List.of(20), bitrix.batchSizes().subList(before, bitrix.batchSizes().size()));
    List<String> comments = bitrix.comments("deal", deal());
    for (int i = 1; i <= 20; i++) {
      assertTrue(comments.get(i - 1).endsWith("\nmessage " + i + "\n[deskbridge message-" + i + "]"), comments.get(i - 1));
    }
    assertFalse(t.mappings.remote.values().stream().anyMatch(v -> v.contains("message 1")),
        "the customer's words are never kept in the mappings");
  }

  @Test
  void threeFailedCommandsOfABatchOfFiftyAreRetriedAloneAndTheOthersNeverRepeated() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    List<MessageAdded> burst = IntStream.rangeClosed(1, 50).mapToObj(i -> customerSays(81, i, "message " + i)).toList();
    // While the method's time budget is spent the run fails as a whole: it answers for its first job only.
    bitrix.exhaustTimeBudget("crm.timeline.comment.add", true);
    List<DeliveryResult> spent = deliverAll(plugin, burst);
    assertEquals(1, spent.size());
    assertEquals(DeliveryResult.Outcome.RETRY, spent.get(0).outcome());
    assertTrue(spent.get(0).detail().contains("{OPERATION_TIME_LIMIT, Method is blocked"), spent.get(0).detail());
    assertEquals(Portal.METHOD_PAUSE, spent.get(0).retryAfter());
    assertTrue(bitrix.comments("deal", deal()).isEmpty());
    bitrix.exhaustTimeBudget("crm.timeline.comment.add", false);
    bitrix.failCommentsOnce(List.of("\nmessage 7\n", "\nmessage 23\n", "\nmessage 50\n"));

    List<DeliveryResult> partly = deliverAll(plugin, burst);
    assertEquals(7, partly.size(), "done up to the first failed job, which answers for the run");
    assertTrue(partly.subList(0, 6).stream().allMatch(r -> r.outcome() == DeliveryResult.Outcome.DONE));
    DeliveryResult failed = partly.get(6);
    assertEquals(DeliveryResult.Outcome.RETRY, failed.outcome());
    assertTrue(failed.detail().startsWith("3 of 50 timeline comments failed"), failed.detail());
    assertEquals(null, failed.retryAfter(), "an internal error follows the outbox's backoff");
    assertTrue(failed.detail().contains("message-7 {INTERNAL_SERVER_ERROR, Internal server error}"), failed.detail());
    assertEquals(47, bitrix.comments("deal", deal()).size());

    // The jobs from the failed one on come back in order; those already written are not sent again.
    List<DeliveryResult> rest = deliverAll(plugin, burst.subList(6, 50));
    assertEquals(44, rest.size());
    assertTrue(rest.stream().allMatch(r -> r.outcome() == DeliveryResult.Outcome.DONE), rest.toString());
    List<Integer> sizes = bitrix.batchSizes();
    assertEquals(List.of(50, 3), sizes.subList(sizes.size() - 2, sizes.size()));
    List<String> comments = bitrix.comments("deal", deal());
    assertEquals(50, comments.size());
    for (int i = 1; i <= 50; i++) {
      String marker = "[deskbridge message-" + i + "]";
      assertEquals(1, comments.stream().filter(c -> c.endsWith(marker)).count(), marker);
    }
    List<Integer> order = new ArrayList<>();
    comments.forEach(c -> order.add(Integer.parseInt(c.substring(c.lastIndexOf('-') + 1, c.length() - 1))));
    List<Integer> firstPass = IntStream.rangeClosed(1, 50).filter(i -> i != 7 && i != 23 && i != 50).boxed().toList();
    assertEquals(firstPass, order.subList(0, 47), "the first batch wrote the others in order");
    assertEquals(List.of(7, 23, 50), order.subList(47, 50));
  }

  @Test
  void aBatchWhoseAnswerWasLostIsFoundOnTheTimelineInsteadOfWrittenAgain() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    for (int i = 1; i <= 52; i++) {
      assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, i, "m" + i), 1).outcome());
    }
    bitrix.loseAnswers(1); // the portal writes the comment, the proxy answers 502: the server cannot know
    DeliveryResult lost = deliver(plugin, customerSays(81, 53, "m53"), 1);
    assertEquals(DeliveryResult.Outcome.RETRY, lost.outcome());
    assertEquals(53, bitrix.comments("deal", deal()).size());

    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, customerSays(81, 53, "m53"), 2).outcome());
    assertEquals(53, bitrix.comments("deal", deal()).size(), "found on the second page of the timeline");
    assertEquals(2, bitrix.calls().stream().filter("crm.timeline.comment.list"::equals).count());
    deliver(plugin, customerSays(81, 54, "m54"), 1);
    assertEquals(54, bitrix.comments("deal", deal()).size());
  }

  @Test
  void aCommentBitrix24RefusesIsADeadLetterWithItsReason() {
    TestTenant t = TestTenant.withWebhook(bitrix).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    t.mappings.remote.put("conversation:81", "deal:999999"); // deleted in Bitrix24
    DeliveryResult refused = deliver(plugin, customerSays(81, 1, "hello"), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, refused.outcome());
    assertEquals("Bitrix24 refused the timeline comment message-1: {, Entity not found.}", refused.detail());
  }

  @Test
  void closingAddsASummaryWithTheDialogLinkAndMovesTheStageOfItsCategory() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("categoryId", 2L)
        .with("closeStages", List.of("Refund=C2:LOSE", "How-to=C2:WON")).customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    deliver(plugin, customerSays(81, 1, "How do I export?"), 1);
    var closing = closed(81);
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, closing, 1).outcome());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, closing, 2).outcome());

    List<String> comments = bitrix.comments("deal", deal());
    assertEquals(2, comments.size());
    assertTrue(comments.get(1).startsWith("Conversation #81 closed · "), comments.get(1));
    assertTrue(comments.get(1).contains("\nCategory: How-to\n"), comments.get(1));
    assertTrue(comments.get(1).contains("Dialog: " + TestTenant.PUBLIC_URL + "/conversations/81?tenant=acme"));
    assertEquals("C2:WON", bitrix.deals().get(0).path("STAGE_ID").asText());
    assertEquals(1, bitrix.calls().stream().filter("crm.deal.update"::equals).count());
  }

  @Test
  void aCategoryWithoutAStageLeavesTheDealWhereItIs() {
    TestTenant t = TestTenant.withWebhook(bitrix).with("closeStages", List.of("Refund=LOSE"))
        .customer(40, "Ada", "ada@example.com", null);
    BitrixPlugin plugin = t.plugin();
    deliver(plugin, t.opened(81, 40), 1);
    deliver(plugin, closed(81), 1);
    assertEquals("NEW", bitrix.deals().get(0).path("STAGE_ID").asText());
    assertEquals(1, bitrix.comments("deal", deal()).size());
  }
}
