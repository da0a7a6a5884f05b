package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", slack.url());
    config.put("botToken", FakeSlack.BOT_TOKEN);
    config.put("signingSecret", FakeSlack.SIGNING_SECRET);
    config.put("channel", "#forum");
    config.put("autoAfter", "PT0S");
    return api.put(t.path("/modules/slack-forum"), t.adminToken(), Map.of("enabled", true, "config", config));
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
}
