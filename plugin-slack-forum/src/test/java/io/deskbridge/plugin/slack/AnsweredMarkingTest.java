package io.deskbridge.plugin.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Once the customer has an answer, the #forum post says so, so colleagues stop working on it. */
class AnsweredMarkingTest {

  final FakeSlack slack = new FakeSlack();
  final TestTenant tenant = new TestTenant(slack).withAdasQuestion();

  @AfterEach
  void stop() {
    assertEquals(List.of(), slack.specViolations());
    slack.close();
  }

  ObjectNode askedPost(SlackForumPlugin plugin) {
    TestTenant.deliver(plugin, TestTenant.ask(81, "Refund after 30 days?"));
    return slack.topLevel(FakeSlack.FORUM).get(0);
  }

  @Test
  void theAgentsPublicAnswerUpdatesThePostAndReacts() {
    SlackForumPlugin plugin = tenant.plugin();
    ObjectNode post = askedPost(plugin);
    MessageAdded answer = tenant.publicAgentMessage(81, "Refunded, sorry!");

    assertTrue(plugin.wants(answer));
    assertEquals(DeliveryResult.Outcome.DONE, TestTenant.deliver(plugin, answer).outcome());
    TestTenant.deliver(plugin, answer);

    ObjectNode updated = slack.message(FakeSlack.FORUM, post.get("ts").asText()).orElseThrow();
    assertTrue(updated.get("blocks").toString().contains("Answered* by Ivan Agent"), updated::toString);
    assertTrue(updated.get("blocks").toString().contains("Refund after 30 days?"), updated::toString);
    assertEquals("white_check_mark", updated.get("reactions").get(0).get("name").asText());
    assertEquals(1, slack.calls("chat.update"), "marked once");
    assertEquals("answered", plugin.conversationLinks(81).get(0).status());
  }

  @Test
  void closingTheConversationMarksThePost() {
    SlackForumPlugin plugin = tenant.plugin();
    ObjectNode post = askedPost(plugin);

    TestTenant.deliver(plugin, new ConversationClosed(TestTenant.ID, 81, 5L, tenant.clock.instant()));

    ObjectNode updated = slack.message(FakeSlack.FORUM, post.get("ts").asText()).orElseThrow();
    assertTrue(updated.get("blocks").toString().contains("Answered* by closing the conversation"));
  }

  @Test
  void anInternalNoteOrAForumEchoDoesNotCountAsAnAnswer() {
    SlackForumPlugin plugin = tenant.plugin();
    askedPost(plugin);

    assertFalse(plugin.wants(new MessageAdded(TestTenant.ID, 81, 100, Visibility.INTERNAL, AuthorType.AGENT, 3L,
        "note", tenant.clock.instant())));
    assertFalse(plugin.wants(new MessageAdded(TestTenant.ID, 81, 101, Visibility.PUBLIC, AuthorType.AGENT, null,
        "echo", tenant.clock.instant(), SlackForumPluginFactory.ID, "Ada")));
    assertEquals(0, slack.calls("chat.update"));
  }

  @Test
  void anAnswerToAConversationNeverAskedCallsNoOne() {
    SlackForumPlugin plugin = tenant.plugin();

    TestTenant.deliver(plugin, tenant.publicAgentMessage(81, "Hello"));

    assertEquals(List.of(), slack.requests());
  }
}
