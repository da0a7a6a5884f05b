package io.deskbridge.web.it;

import static io.deskbridge.web.it.AmoCrmIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.plugin.slack.FakeSlack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9's "done when": a tenant admin enables Slack #forum (the fake), an agent's question shows up
 * in the channel, a colleague's thread answer appears as an internal note only, and the post is
 * marked answered when the agent answers the customer.
 */
@ExtendWith(DeskbridgeServer.class)
class SlackForumIT {

  static Api api;
  FakeSlack slack;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @BeforeEach
  void startFake() {
    slack = new FakeSlack();
  }

  @AfterEach
  void stopFake() {
    assertEquals(List.of(), slack.specViolations());
    slack.close();
  }

  private Api.Reply enable(TestTenant t) {
    return enable(t, "");
  }

  /** @param autoAfter empty for "only when an agent asks", or how long a customer waits before the module asks */
  private Api.Reply enable(TestTenant t, String autoAfter) {
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", slack.url());
    config.put("botToken", FakeSlack.BOT_TOKEN);
    config.put("signingSecret", FakeSlack.SIGNING_SECRET);
    config.put("channel", "#forum");
    config.put("autoAfter", autoAfter);
    return api.put(t.path("/modules/slack-forum"), t.adminToken(), Map.of("enabled", true, "config", config));
  }

  @Test
  void anAskedQuestionIsAnsweredInTheThreadAndMarkedAnswered() {
    TestTenant t = TestTenant.create(api, "slack-forum");
    Api.Reply enabled = enable(t);
    assertEquals(200, enabled.status(), enabled::toString);
    assertTrue(!enabled.raw().contains(FakeSlack.BOT_TOKEN) && !enabled.raw().contains(FakeSlack.SIGNING_SECRET),
        "secrets are write-only");
    JsonNode check = api.post(t.path("/modules/slack-forum/test"), t.adminToken(), "").json();
    assertTrue(check.get("ok").asBoolean(), check::toString);
    slack.deliverEventsTo(api.baseUrl() + "/hooks/" + t.slug() + "/slack-forum/events");

    long conversation = t.newConversation(api, "forum-customer");
    Api.Reply asked = api.post(t.path("/conversations/" + conversation + "/actions/slack-forum.ask"),
        t.agentToken(), Map.of("question", "Can we refund after 30 days? Customer wrote from ada@example.com"));
    assertTrue(asked.status() < 300, asked::toString);
    List<ObjectNode> posts;
    try {
      posts = await(() -> slack.topLevel(FakeSlack.FORUM), p -> p.size() == 1);
    } catch (AssertionError e) {
      throw new AssertionError(asked + " / outbox: " + api.get(t.path("/outbox"), t.adminToken()).raw()
          + " / slack: " + slack.requests(), e);
    }
    String blocks = posts.get(0).get("blocks").toString();
    assertTrue(blocks.contains("Can we refund after 30 days?") && !blocks.contains("ada@example.com"), blocks);
    assertTrue(blocks.contains("/conversations/" + conversation + "?tenant=" + t.slug()), blocks);

    String ts = posts.get(0).get("ts").asText();
    // What the agent sees once the post is known: the thread's link on the conversation.
    assertEquals("asked", await(() -> forumLink(t, conversation), l -> l != null).get("status").asText());

    assertEquals(200, slack.reply(FakeSlack.FORUM, ts, "U0ADA", "Yes, up to 60 days.").statusCode());
    String messages = t.path("/conversations/" + conversation + "/messages");
    JsonNode note = await(() -> find(api.get(messages, t.agentToken()).json().get("items"), "Yes, up to 60 days."),
        n -> n != null);
    assertEquals("INTERNAL", note.get("visibility").asText(), note::toString);
    assertTrue(note.get("text").asText().contains("Ada"), note::toString);

    api.post(messages, t.agentToken(), Map.of("text", "Yes, we can refund it.", "visibility", "PUBLIC"));
    ObjectNode updated = await(() -> slack.message(FakeSlack.FORUM, ts).orElseThrow(),
        m -> m.has("reactions"));
    assertTrue(updated.get("blocks").toString().contains("Answered"), updated::toString);
    assertEquals("answered", await(() -> forumLink(t, conversation), l -> l.get("status").asText()
        .equals("answered")).get("status").asText());
    assertEquals(1, slack.topLevel(FakeSlack.FORUM).size(), "asked once");

    // The forum's memory: the next customer with the same question finds the thread's answer.
    Api.Reply next = t.inbound(api, t.agentToken(), "refund-2", "forum-customer-2",
        "Is a refund still possible 40 days after payment?");
    long later = next.json().get("conversationId").asLong();
    Api.Reply similar = api.post(t.path("/conversations/" + later + "/actions/slack-forum.similar"),
        t.agentToken(), Map.of());
    assertTrue(similar.status() < 300, similar::toString);
    JsonNode found = await(() -> find(api.get(t.path("/conversations/" + later + "/messages"), t.agentToken())
        .json().get("items"), "Similar questions answered in #forum"), n -> n != null);
    assertEquals("INTERNAL", found.get("visibility").asText(), found::toString);
    assertTrue(found.get("text").asText().contains("Yes, up to 60 days."), found::toString);
    assertTrue(found.get("text").asText().contains("#" + conversation), found::toString);
  }

  @Test
  void aCustomerWhoseFirstReplyIsAtRiskIsAskedAboutOnceInTheirOwnMaskedWords() {
    TestTenant t = TestTenant.create(api, "slack-auto");
    assertEquals(200, enable(t, "PT30M").status());
    // The SLA warning comes before the half hour: it is the trigger here.
    Api.Reply policy = api.post(t.path("/sla-policies"), t.adminToken(), Map.of("name", "Quick",
        "firstReply", "PT8S", "nextReply", "PT8S", "resolution", "PT1H", "warnAtShare", 0.25));
    assertEquals(201, policy.status(), policy::toString);
    Api.Reply workflow = api.put(t.path("/rules/workflow"), t.adminToken(), Map.of("reopenWindow", "P7D", "defaultPolicyId", policy.id()));
    assertEquals(200, workflow.status(), workflow::toString);

    Api.Reply first = t.inbound(api, t.agentToken(), "auto-1", "auto-customer",
        "My export to Excel fails since Monday, call me on +44 20 7946 0958");
    long conversation = first.json().get("conversationId").asLong();
    t.inbound(api, t.agentToken(), "auto-2", "auto-customer", "Still broken today.");

    List<ObjectNode> posts = await(() -> slack.topLevel(FakeSlack.FORUM), p -> p.size() == 1);
    String blocks = posts.get(0).get("blocks").toString();
    assertTrue(blocks.contains("My export to Excel fails since Monday") && !blocks.contains("7946"), blocks);
    assertEquals("asked", await(() -> forumLink(t, conversation), l -> l != null).get("status").asText());
    // The breach and further messages come; the question stays asked once.
    await(() -> api.get(t.path("/conversations/" + conversation), t.agentToken()).json().get("sla").toString(),
        sla -> sla.contains("BREACHED"));
    assertEquals(1, slack.topLevel(FakeSlack.FORUM).size(), () -> "posted once: " + slack.topLevel(FakeSlack.FORUM));
  }

  @Test
  void aForgedEventIsRefused() {
    TestTenant t = TestTenant.create(api, "slack-forged");
    enable(t);
    slack.deliverEventsTo(api.baseUrl() + "/hooks/" + t.slug() + "/slack-forum/events");

    var response = slack.sendSigned("{\"type\":\"url_verification\",\"challenge\":\"x\"}",
        System.currentTimeMillis() / 1000, "v0=" + "00".repeat(32), 0);

    assertEquals(401, response.statusCode());
    assertEquals(200, slack.send(Api.object().put("type", "url_verification").put("challenge", "abc"), 0)
        .statusCode());
  }

  /** The conversation's link to its #forum thread, or null before it is posted. */
  private static JsonNode forumLink(TestTenant t, long conversation) {
    JsonNode links = api.get(t.path("/conversations/" + conversation), t.agentToken()).json().get("links");
    for (JsonNode link : links) {
      if ("slack-forum".equals(link.path("type").asText())) {
        return link;
      }
    }
    return null;
  }

  private static JsonNode find(JsonNode items, String text) {
    for (JsonNode item : items) {
      if (item.get("text").asText().contains(text)) {
        return item;
      }
    }
    return null;
  }
}
