package io.deskbridge.web.it;

import static io.deskbridge.web.it.AmoCrmIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.plugin.slack.FakeSlack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database serve one #forum: an agent's "ask" sent to both at once
 * (a double click behind a load balancer) posts each question once, a colleague's answer that Slack
 * delivers to one instance and retries on the other becomes one internal note, and customers left
 * unanswered past the threshold are each posted once while both instances tick. Runs in the
 * PostgreSQL pass of CI (embedded H2 cannot be shared by two processes).
 */
class SlackForumClusterIT {

  static final int QUESTIONS = 8;

  @Test
  void twoInstancesPostEachQuestionOnceAndNoteEachAnswerOnce() throws Exception {
    try (TwoInstances cluster = TwoInstances.start("slack-cluster", Map.of("DESKBRIDGE_MODULES_POLL", "PT1S"));
        FakeSlack slack = new FakeSlack()) {
      Api a = cluster.a();
      Api b = cluster.b();
      TestTenant t = TestTenant.createWith(a, cluster.adminToken, "slackc");
      enable(a, t, slack, "");

      List<Long> conversations = new ArrayList<>();
      for (int i = 0; i < QUESTIONS; i++) {
        conversations.add(t.newConversation(i % 2 == 0 ? a : b, "slc-" + i));
      }
      for (long conversation : conversations) {
        String action = t.path("/conversations/" + conversation + "/actions/slack-forum.ask");
        Map<String, String> question = Map.of("question", "Why does export " + conversation + " time out?");
        CompletableFuture<Api.Reply> onA = CompletableFuture.supplyAsync(() -> a.post(action, t.agentToken(),
            question));
        CompletableFuture<Api.Reply> onB = CompletableFuture.supplyAsync(() -> b.post(action, t.agentToken(),
            question));
        assertTrue(onA.get().status() < 300, onA.get()::toString);
        assertTrue(onB.get().status() < 300, onB.get()::toString);
      }

      for (long conversation : conversations) {
        await(() -> link(b, t, conversation), l -> l != null);
      }
      // Both instances had a job per question: any second post would have arrived by now.
      awaitJobsDone(a, t, 2 * QUESTIONS);
      List<ObjectNode> posts = slack.topLevel(FakeSlack.FORUM);
      for (long conversation : conversations) {
        assertEquals(1, posts.stream().filter(p -> p.get("blocks").toString()
            .contains("/conversations/" + conversation + "?")).count(), () -> "one post for " + conversation);
      }
      assertEquals(QUESTIONS, posts.size());

      for (ObjectNode post : posts) {
        ObjectNode answer = slack.wrap(slack.threadMessage(FakeSlack.FORUM, post.get("ts").asText(), "U0ADA",
            "Raise the export timeout in Settings."), "Ev-" + post.get("ts").asText());
        slack.deliverEventsTo(a.baseUrl() + "/hooks/" + t.slug() + "/slack-forum/events");
        assertEquals(200, slack.send(answer, 0).statusCode());
        slack.deliverEventsTo(b.baseUrl() + "/hooks/" + t.slug() + "/slack-forum/events");
        assertEquals(200, slack.send(answer, 1).statusCode(), "Slack's retry is acknowledged");
      }
      for (long conversation : conversations) {
        String messages = t.path("/conversations/" + conversation + "/messages");
        await(() -> notes(a, t, messages), n -> n >= 1);
      }
      awaitJobsDone(a, t, 3 * QUESTIONS);
      for (long conversation : conversations) {
        assertEquals(1, notes(b, t, t.path("/conversations/" + conversation + "/messages")),
            () -> "one note in conversation " + conversation);
      }
      assertEquals(List.of(), slack.specViolations());

      // Customers nobody answers for two seconds: both instances tick, each question is posted once.
      TestTenant auto = TestTenant.createWith(a, cluster.adminToken, "slacka");
      enable(b, auto, slack, "PT2S");
      List<Long> waiting = new ArrayList<>();
      for (int i = 0; i < QUESTIONS; i++) {
        waiting.add(auto.inbound(i % 2 == 0 ? a : b, auto.agentToken(), "wait-" + i, "slw-" + i,
            "Where is my parcel " + i + "?").json().get("conversationId").asLong());
      }
      for (long conversation : waiting) {
        await(() -> link(a, auto, conversation), l -> l != null);
      }
      awaitJobsDone(b, auto, QUESTIONS);
      for (long conversation : waiting) {
        assertEquals(1, slack.topLevel(FakeSlack.FORUM).stream().filter(p -> p.get("blocks").toString()
            .contains("/conversations/" + conversation + "?")).count(), () -> "one post for " + conversation);
      }
      assertEquals(2 * QUESTIONS, slack.topLevel(FakeSlack.FORUM).size());
    }
  }

  private static void enable(Api api, TestTenant t, FakeSlack slack, String autoAfter) {
    Api.Reply enabled = api.put(t.path("/modules/slack-forum"), t.adminToken(), Map.of("enabled", true,
        "config", Map.of("baseUrl", slack.url(), "botToken", FakeSlack.BOT_TOKEN,
            "signingSecret", FakeSlack.SIGNING_SECRET, "channel", "#forum", "autoAfter", autoAfter)));
    assertEquals(200, enabled.status(), enabled::toString);
  }

  private static JsonNode link(Api api, TestTenant t, long conversation) {
    for (JsonNode link : api.get(t.path("/conversations/" + conversation), t.agentToken()).json().get("links")) {
      if ("slack-forum".equals(link.path("type").asText())) {
        return link;
      }
    }
    return null;
  }

  private static long notes(Api api, TestTenant t, String messages) {
    long count = 0;
    for (JsonNode message : api.get(messages, t.agentToken()).json().get("items")) {
      if (message.get("text").asText().contains("Raise the export timeout")) {
        assertEquals("INTERNAL", message.get("visibility").asText(), message::toString);
        count++;
      }
    }
    return count;
  }

  /** Waits until at least {@code count} of the tenant's jobs are done, so nothing is still in flight. */
  private static void awaitJobsDone(Api api, TestTenant t, int count) {
    await(() -> {
      Api.Reply done = api.get(t.path("/outbox?state=DONE&limit=100"), t.adminToken());
      assertEquals(200, done.status(), done::toString);
      return done.json().get("items").size();
    }, n -> n >= count);
  }
}
