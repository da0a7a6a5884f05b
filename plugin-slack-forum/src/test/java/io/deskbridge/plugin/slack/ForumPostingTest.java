package io.deskbridge.plugin.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.event.SlaWarned;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import io.deskbridge.core.sla.SlaTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Questions reach #forum once: when an agent asks, or when the customer waited past {@code autoAfter}. */
class ForumPostingTest {

  final FakeSlack slack = new FakeSlack();
  final TestTenant tenant = new TestTenant(slack).withAdasQuestion();

  @AfterEach
  void stop() {
    assertEquals(List.of(), slack.specViolations());
    slack.close();
  }

  @Test
  void aManualAskPostsTheAgentsQuestionWithContextAndLink() {
    SlackForumPlugin plugin = tenant.plugin();

    DeliveryResult result = TestTenant.deliver(plugin,
        TestTenant.ask(81, "Can we refund a double charge after 30 days? Card owner bob@example.com"));

    assertEquals(DeliveryResult.Outcome.DONE, result.outcome(), result::toString);
    List<ObjectNode> posts = slack.topLevel(FakeSlack.FORUM);
    assertEquals(1, posts.size());
    String blocks = posts.get(0).get("blocks").toString();
    assertTrue(blocks.contains("Can we refund a double charge after 30 days?"), blocks);
    assertTrue(blocks.contains("[email]") && !blocks.contains("bob@example.com"), blocks);
    assertTrue(blocks.contains("Plan: Gold") && blocks.contains("Category: Billing"), blocks);
    assertTrue(blocks.contains(TestTenant.PUBLIC_URL + "/conversations/81?tenant=acme"), blocks);
    assertTrue(blocks.contains("Asked by Ivan Agent"), blocks);
    assertFalse(blocks.contains("Ada Lovelace"), "the customer's name is not shared by default");
    assertFalse(posts.get(0).get("text").asText().isBlank(), "a notification text goes with the blocks");
    assertEquals(1, plugin.conversationLinks(81).size());
  }

  @Test
  void askingAgainDoesNotPostTwice() {
    SlackForumPlugin plugin = tenant.plugin();
    TestTenant.deliver(plugin, TestTenant.ask(81, "Refund after 30 days?"));
    TestTenant.deliver(plugin, TestTenant.ask(81, "Refund after 30 days?"));
    TestTenant.deliver(tenant.plugin(), TestTenant.ask(81, "Anyone?"));

    assertEquals(1, slack.topLevel(FakeSlack.FORUM).size());
  }

  @Test
  void anUnansweredConversationIsPostedOnceNotTwiceAcrossTwoInstances() {
    SlackForumPlugin first = tenant.plugin();
    SlackForumPlugin second = tenant.plugin();
    TestTenant.deliver(first, tenant.customerMessage(81, "My invoice was charged twice"));

    tenant.clock.advance(Duration.ofMinutes(4));
    first.poll();
    second.poll();
    assertEquals(List.of(), tenant.jobs.queued, "nothing is asked before autoAfter");

    tenant.clock.advance(Duration.ofMinutes(2));
    first.poll();
    second.poll();
    assertEquals(1, tenant.jobs.queued.size(), "one server of the cluster queues the question");
    // The same job handed to both servers (a crash between Slack's answer and the outbox's record).
    var job = tenant.jobs.queued.get(0);
    assertEquals(DeliveryResult.Outcome.DONE, TestTenant.deliver(first, job).outcome());
    assertEquals(DeliveryResult.Outcome.DONE, TestTenant.deliver(second, job).outcome());
    tenant.clock.advance(Duration.ofMinutes(10));
    first.poll();
    second.poll();

    List<ObjectNode> posts = slack.topLevel(FakeSlack.FORUM);
    assertEquals(1, posts.size());
    assertEquals(1, slack.calls("chat.postMessage"));
    String blocks = posts.get(0).get("blocks").toString();
    assertTrue(blocks.contains("My invoice was charged twice"), blocks);
    assertTrue(blocks.contains("[email]") && blocks.contains("[phone]"), blocks);
    assertFalse(blocks.contains("ada@example.com") || blocks.contains("7946"), blocks);
    assertFalse(blocks.contains("refund system is flaky"), "internal notes never go to the channel");
    assertTrue(blocks.contains("Asked automatically"), blocks);
  }

  @Test
  void aConversationAnsweredInTimeIsNotPosted() {
    SlackForumPlugin plugin = tenant.plugin();
    TestTenant.deliver(plugin, tenant.customerMessage(81, "My invoice was charged twice"));
    tenant.clock.advance(Duration.ofMinutes(2));
    tenant.agentAnswers(81, "Refunded, sorry!");
    TestTenant.deliver(plugin, tenant.publicAgentMessage(81, "Refunded, sorry!"));

    tenant.clock.advance(Duration.ofMinutes(10));
    plugin.poll();

    assertEquals(List.of(), tenant.jobs.queued);
    assertEquals(0, slack.calls("chat.postMessage"));
  }

  @Test
  void hundredsOfWaitingCustomersAreEachAskedAboutOnce() {
    SlackForumPlugin plugin = tenant.plugin();
    List<Long> waiting = new ArrayList<>();
    for (long conversation = 1000; conversation < 1300; conversation++) {
      tenant.conversations.put(conversation, new SupportDirectory.ConversationFacts(conversation, 40, "telegram",
          Optional.empty(), Optional.empty(), "OPEN", tenant.clock.instant(), Optional.empty(), Optional.empty()));
      tenant.messages.put(conversation, List.of(new SupportDirectory.MessageFacts(conversation, "customer",
          Optional.empty(), false, "Question " + conversation, tenant.clock.instant())));
      TestTenant.deliver(plugin, tenant.customerMessage(conversation, "Question " + conversation));
      waiting.add(conversation);
    }

    tenant.clock.advance(Duration.ofMinutes(6));
    plugin.poll();
    tenant.clock.advance(Duration.ofMinutes(1));
    plugin.poll();

    assertEquals(waiting, tenant.jobs.queued.stream().map(j -> j.conversationId()).sorted().toList());
  }

  @Test
  void anSlaWarningAsksAtOnce() {
    SlackForumPlugin plugin = tenant.plugin();
    SlaWarned warning = new SlaWarned(TestTenant.ID, 81, SlaTarget.FIRST_REPLY, tenant.clock.instant(),
        tenant.clock.instant().plusSeconds(600), "Gold", tenant.clock.instant());

    assertTrue(plugin.wants(warning));
    assertEquals(DeliveryResult.Outcome.DONE, TestTenant.deliver(plugin, warning).outcome());

    assertEquals(1, slack.topLevel(FakeSlack.FORUM).size());
    assertFalse(tenant.with("askOnSlaWarning", false).plugin().wants(warning));
  }

  @Test
  void manualOnlyWhenAutoAfterIsZero() {
    SlackForumPlugin plugin = tenant.with("autoAfter", "PT0S").plugin();
    assertFalse(plugin.wants(tenant.customerMessage(81, "hello?")));

    tenant.clock.advance(Duration.ofHours(1));
    plugin.poll();

    assertEquals(List.of(), tenant.jobs.queued);
    assertEquals(0, slack.calls("chat.postMessage"));
  }

  @Test
  void aQuestionOfAMappedCategoryGoesToItsChannel() {
    SlackForumPlugin plugin = tenant.with("categoryChannels", List.of("Billing=#billing-forum")).plugin();

    TestTenant.deliver(plugin, TestTenant.ask(81, "Refund after 30 days?"));

    assertEquals(1, slack.topLevel("C0BILLING").size());
    assertEquals(0, slack.topLevel(FakeSlack.FORUM).size());
  }
}
