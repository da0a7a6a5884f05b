package io.deskbridge.plugin.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.deskbridge.core.plugin.spi.testing.HookServer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /hooks/acme/slack-forum/events}: only signed, fresh, first-seen events count, and a
 * colleague's thread reply becomes an internal note, never a message to the customer.
 */
class EventsEndpointTest {

  final FakeSlack slack = new FakeSlack();
  final TestTenant tenant = new TestTenant(slack).withAdasQuestion();
  SlackForumPlugin plugin;
  HookServer hooks;
  String parentTs;

  @BeforeEach
  void askFirst() {
    plugin = tenant.plugin();
    hooks = new HookServer(plugin, "/hooks/acme/slack-forum");
    slack.deliverEventsTo(hooks.url("/events"));
    TestTenant.deliver(plugin, TestTenant.ask(81, "Can we refund after 30 days?"));
    parentTs = slack.topLevel(FakeSlack.FORUM).get(0).get("ts").asText();
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), slack.specViolations());
    hooks.close();
    slack.close();
  }

  @Test
  void urlVerificationAnswersTheChallenge() {
    HttpResponse<String> response = slack.send(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("token", "legacy").put("challenge", "3eZbrw1aBm2rZgRNFdxV").put("type", "url_verification"), 0);

    assertEquals(200, response.statusCode());
    assertEquals("{\"challenge\":\"3eZbrw1aBm2rZgRNFdxV\"}", response.body());
  }

  @Test
  void aThreadReplyBecomesAnInternalNoteAndNeverReachesTheCustomer() {
    long started = System.nanoTime();
    HttpResponse<String> response = slack.reply(FakeSlack.FORUM, parentTs, "U0ADA", "Yes, up to 60 days.");
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(200, response.statusCode());
    assertTrue(millis < 3000, "answered in " + millis + " ms");
    assertEquals(0, slack.calls("users.info"), "the hook only queues; Slack waits for nothing");
    assertEquals(1, tenant.jobs.queued.size());

    tenant.runJobs(plugin);
    slack.reply(FakeSlack.FORUM, parentTs, "U0ADA", "Finance confirms.");
    tenant.runJobs(plugin);

    assertEquals(List.of("#forum Ada: Yes, up to 60 days.", "#forum Ada: Finance confirms."), tenant.notesOf(81));
    assertEquals(List.of(), tenant.replies, "nothing from Slack is sent to the customer");
    assertEquals(1, slack.calls("users.info"), "the colleague's name is looked up once");
  }

  @Test
  void aForgedSignatureIsRejected() {
    ObjectNode event = slack.wrap(slack.threadMessage(FakeSlack.FORUM, parentTs, "U0ADA", "forged"), "Ev1");
    long now = System.currentTimeMillis() / 1000;

    HttpResponse<String> response = slack.sendSigned(event.toString(), now, "v0=" + "ab".repeat(32), 0);

    assertEquals(401, response.statusCode());
    assertEquals(List.of(), tenant.jobs.queued);
  }

  @Test
  void aStaleTimestampIsRejectedEvenWhenCorrectlySigned() {
    ObjectNode event = slack.wrap(slack.threadMessage(FakeSlack.FORUM, parentTs, "U0ADA", "old"), "Ev2");
    long sixMinutesAgo = System.currentTimeMillis() / 1000 - 6 * 60;

    HttpResponse<String> response = slack.sendSigned(event.toString(), sixMinutesAgo, null, 0);

    assertEquals(401, response.statusCode());
    assertEquals(List.of(), tenant.jobs.queued);
  }

  @Test
  void aReplayedOrRetriedEventIsAcknowledgedButNotedOnce() {
    ObjectNode event = slack.wrap(slack.threadMessage(FakeSlack.FORUM, parentTs, "U0ADA", "Once"), "Ev3");

    assertEquals(200, slack.send(event, 0).statusCode());
    assertEquals(200, slack.send(event, 1).statusCode(), "Slack's retry is acknowledged");
    ObjectNode sameMessageOtherId = event.deepCopy().put("event_id", "Ev4");
    assertEquals(200, slack.send(sameMessageOtherId, 0).statusCode());
    tenant.runJobs(plugin);

    assertEquals(List.of("#forum Ada: Once"), tenant.notesOf(81));
  }

  @Test
  void aRetryWhoseFirstDeliveryNeverArrivedStillCounts() {
    ObjectNode event = slack.wrap(slack.threadMessage(FakeSlack.FORUM, parentTs, "U0ADA", "Late"), "Ev5");

    assertEquals(200, slack.send(event, 2).statusCode());
    tenant.runJobs(plugin);

    assertEquals(List.of("#forum Ada: Late"), tenant.notesOf(81));
  }

  @Test
  void botPostsTopLevelChatterAndUnknownThreadsAreIgnored() {
    ObjectNode bot = slack.threadMessage(FakeSlack.FORUM, parentTs, "U0BOT", "echo").put("bot_id", "B0BOT");
    ObjectNode topLevel = slack.threadMessage(FakeSlack.FORUM, parentTs, "U0ADA", "lunch?");
    topLevel.remove("thread_ts");
    ObjectNode otherThread = slack.threadMessage(FakeSlack.FORUM, "1700000000.000100", "U0ADA", "elsewhere");

    for (ObjectNode event : List.of(bot, topLevel, otherThread)) {
      assertEquals(200, slack.send(slack.wrap(event, "Ev" + event.get("ts").asText()), 0).statusCode());
    }

    assertEquals(List.of(), tenant.jobs.queued);
  }

  @Test
  void anEditedReplyIsNotedAsAnEdit() {
    ObjectNode original = slack.threadMessage(FakeSlack.FORUM, parentTs, "U0ADA", "Up to 30 days");
    slack.send(slack.wrap(original, "Ev6"), 0);
    ObjectNode edit = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "message")
        .put("subtype", "message_changed").put("channel", FakeSlack.FORUM).put("ts", "1764237999.000100");
    edit.set("message", original.deepCopy().put("text", "Up to 60 days, sorry"));
    slack.send(slack.wrap(edit, "Ev7"), 0);
    tenant.runJobs(plugin);

    assertEquals(List.of("#forum Ada: Up to 30 days", "#forum (edited) Ada: Up to 60 days, sorry"),
        tenant.notesOf(81));
  }
}
