package io.deskbridge.plugin.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.deskbridge.core.plugin.spi.testing.HookServer;

import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers given in #forum are found again from a new conversation about the same thing. */
class ForumMemoryTest {

  final FakeSlack slack = new FakeSlack();
  final TestTenant tenant = new TestTenant(slack).withAdasQuestion();

  @AfterEach
  void stop() {
    assertEquals(List.of(), slack.specViolations());
    slack.close();
  }

  @Test
  void aSimilarQuestionFindsTheEarlierThreadAnswer() {
    SlackForumPlugin plugin = tenant.plugin();
    try (HookServer hooks = new HookServer(plugin, "/hooks/acme/slack-forum")) {
      slack.deliverEventsTo(hooks.url("/events"));
      TestTenant.deliver(plugin, TestTenant.ask(81, "Can a double charge be refunded after 30 days?"));
      String ts = slack.topLevel(FakeSlack.FORUM).get(0).get("ts").asText();
      slack.reply(FakeSlack.FORUM, ts, "U0ADA", "Yes: refunds of double charges work up to 60 days.");
      tenant.runJobs(plugin);
    }
    tenant.messages.put(82L, List.of(new SupportDirectory.MessageFacts(5, "customer", Optional.empty(), false,
        "I was charged twice, is a refund still possible?", tenant.clock.instant())));
    tenant.messages.put(83L, List.of(new SupportDirectory.MessageFacts(6, "customer", Optional.empty(), false,
        "How do I change my avatar?", tenant.clock.instant())));

    TestTenant.deliver(plugin, new ActionRequest(SlackForumPlugin.SIMILAR, 82, 3L, Map.of()));
    TestTenant.deliver(plugin, new ActionRequest(SlackForumPlugin.SIMILAR, 83, 3L, Map.of()));

    String found = tenant.notesOf(82).get(0);
    assertTrue(found.startsWith("Similar questions answered in #forum:"), found);
    assertTrue(found.contains("#81 Can a double charge be refunded after 30 days?"), found);
    assertTrue(found.contains("Ada: Yes: refunds of double charges work up to 60 days."), found);
    assertEquals(List.of("No similar question has been answered in #forum yet."), tenant.notesOf(83));
    assertEquals(List.of(), tenant.replies);
  }
}
