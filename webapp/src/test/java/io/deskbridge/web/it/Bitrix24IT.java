package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.plugin.bitrix.FakeBitrix24;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An integrator connects a tenant to Bitrix24 (the fake) and watches chats become deals with timeline comments. */
@ExtendWith(DeskbridgeServer.class)
class Bitrix24IT {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final String COMMENT_COMMAND = "batch>crm.timeline.comment.add";
  static Api api;
  FakeBitrix24 bitrix;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @BeforeEach
  void startFake() {
    bitrix = new FakeBitrix24();
  }

  @AfterEach
  void stopFake() {
    bitrix.close();
  }

  private Map<String, Object> webhookConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", bitrix.webhookUrl());
    config.put("authMode", "webhook");
    config.put("entity", "deal");
    config.put("applicationToken", FakeBitrix24.APPLICATION_TOKEN);
    return config;
  }

  private static Api.Reply enable(TestTenant t, Map<String, Object> config) {
    return api.put(t.path("/modules/bitrix24"), t.adminToken(), Map.of("enabled", true, "config", config));
  }

  private static Api.Reply say(TestTenant t, String messageId, String customer, String text) {
    Api.Reply receipt = t.inbound(api, t.agentToken(), messageId, customer, text);
    assertTrue(receipt.status() == 201 || receipt.status() == 200, receipt::toString);
    return receipt;
  }

  private List<String> awaitComments(int count) {
    return await(() -> bitrix.deals().isEmpty() ? List.<String>of()
        : bitrix.comments("deal", bitrix.deals().get(0).path("ID").asLong()), c -> c.size() >= count);
  }

  private long commentCommands() {
    return bitrix.calls().stream().filter(COMMENT_COMMAND::equals).count();
  }

  /** An installed app's settings with freshly issued tokens. */
  private Map<String, Object> oauthConfig() {
    String[] tokens = bitrix.issueTokens();
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", bitrix.restUrl());
    config.put("authMode", "oauth");
    config.put("clientId", FakeBitrix24.CLIENT_ID);
    config.put("clientSecret", FakeBitrix24.CLIENT_SECRET);
    config.put("oauthServerUrl", bitrix.url());
    config.put("applicationToken", FakeBitrix24.APPLICATION_TOKEN);
    config.put("accessToken", tokens[0]);
    config.put("refreshToken", tokens[1]);
    return config;
  }

  private long dealLooks() {
    return bitrix.calls().stream().filter(c -> c.equals("crm.deal.get") || c.equals("crm.deal.list")).count();
  }

  static <T> T await(Supplier<T> probe, Predicate<T> done) {
    return Await.until(probe, done, WAIT);
  }

  private static void assertEachOnceInOrder(List<String> comments, int count) {
    assertEquals(count, comments.size(), comments::toString);
    for (int i = 1; i <= count; i++) {
      String marker = "[deskbridge message-";
      assertTrue(comments.get(i - 1).contains("\nmessage " + i + "\n" + marker), i + ": " + comments.get(i - 1));
    }
  }

  @Test
  void aChatOfOneHundredTwentyMessagesSyncsInOrderThroughBatchesWithinTheBucket() {
    TestTenant t = TestTenant.create(api, "b24-chat");
    Api.Reply enabled = enable(t, webhookConfig());
    assertEquals(200, enabled.status(), enabled::toString);
    JsonNode check = api.post(t.path("/modules/bitrix24/test"), t.adminToken(), "").json();
    assertTrue(check.get("ok").asBoolean(), check::toString);
    // A slow portal: while one batch is out, the chat's next messages queue up for the next one.
    bitrix.delayBatchAnswers(Duration.ofMillis(300));

    for (int i = 1; i <= 120; i++) {
      say(t, "chat-" + i, "chat-customer", "message " + i);
    }
    List<String> comments = awaitComments(120);
    assertEquals(1, bitrix.contacts().size());
    assertEquals(1, bitrix.deals().size());
    assertEachOnceInOrder(comments, 120);
    assertEquals(120, commentCommands(), "no comment sent twice");
    assertEquals(0, bitrix.overflows(), "never QUERY_LIMIT_EXCEEDED");
    assertTrue(bitrix.fullestBucket() <= FakeBitrix24.BUCKET_SIZE, "fullest " + bitrix.fullestBucket());
    List<Integer> sizes = bitrix.batchSizes();
    assertTrue(sizes.stream().allMatch(s -> s <= 50), sizes::toString);
    assertTrue(sizes.stream().anyMatch(s -> s > 1), "a burst went out as one batch: " + sizes);
  }

  @Test
  void aBatchWhereThreeOfFiftyCommandsFailRetriesJustThoseThree() {
    TestTenant t = TestTenant.create(api, "b24-partial");
    enable(t, webhookConfig());
    say(t, "part-1", "part-customer", "message 1");
    awaitComments(1);
    // The next 50 messages queue up behind a slow answer and go out together.
    bitrix.delayBatchAnswers(Duration.ofSeconds(4));
    say(t, "part-2", "part-customer", "message 2");
    await(() -> commentCommands(), n -> n >= 2);
    bitrix.failCommentsOnce(List.of("\nmessage 20\n", "\nmessage 35\n", "\nmessage 50\n"));
    for (int i = 3; i <= 51; i++) {
      say(t, "part-" + i, "part-customer", "message " + i);
    }
    bitrix.delayBatchAnswers(Duration.ZERO);

    List<String> comments = awaitComments(51);
    assertEquals(51, comments.size(), comments::toString);
    for (int i = 1; i <= 51; i++) {
      String marker = "[deskbridge message-";
      int n = i;
      assertEquals(1, comments.stream().filter(c -> c.contains("\nmessage " + n + "\n" + marker)).count(), "message " + i);
    }
    assertEquals(51 + 3, commentCommands(), "only the three failed commands were sent again");
    List<Integer> sizes = bitrix.batchSizes();
    assertTrue(sizes.contains(49), "the queued 49 went out as one batch: " + sizes);
    assertEquals(0, api.get(t.path("/outbox?state=DEAD"), t.adminToken()).json().get("items").size());
  }

  @Test
  void anEventWithAForgedApplicationTokenIsRejected() {
    TestTenant t = TestTenant.create(api, "b24-forged");
    enable(t, webhookConfig());
    say(t, "forged-1", "forged-customer", "hello");
    awaitComments(1);
    long deal = bitrix.deals().get(0).path("ID").asLong();
    String events = api.baseUrl() + "/hooks/" + t.slug() + "/bitrix24/events";
    bitrix.moveToStage("deal", deal, "PREPARATION");
    long looksBefore = dealLooks();
    assertEquals(401, bitrix.send(events, bitrix.eventForm("ONCRMDEALUPDATE", deal, "forged-token")));
    assertEquals(looksBefore, dealLooks(), "a forged event makes Deskbridge call nothing");
    assertEquals(200, bitrix.send(events, bitrix.eventForm("ONCRMDEALUPDATE", deal, FakeBitrix24.APPLICATION_TOKEN)));
    await(this::dealLooks, n -> n > looksBefore);
  }

  @Test
  void anExpiredAccessTokenIsRefreshedOnceAndTheCommentStillArrives() {
    TestTenant t = TestTenant.create(api, "b24-oauth");
    Map<String, Object> config = oauthConfig();
    config.put("entity", "deal");
    Api.Reply enabled = enable(t, config);
    assertEquals(200, enabled.status(), enabled::toString);
    say(t, "oauth-1", "oauth-customer", "message 1");
    awaitComments(1);
    assertEquals(0, bitrix.refreshes());

    bitrix.expireAccessTokens();
    for (int i = 2; i <= 5; i++) {
      say(t, "oauth-" + i, "oauth-customer", "message " + i);
    }
    assertEachOnceInOrder(awaitComments(5), 5);
    assertEquals(1, bitrix.refreshes(), "one refresh for all the jobs that met the expired token");
  }

  @Test
  void inOpenlinesModeTheCustomerReachesTheOpenLineAndAnOperatorReplyReachesThemOnceWithItsDeliveryConfirmed() {
    TestTenant t = TestTenant.create(api, "b24-lines");
    Map<String, Object> config = oauthConfig();
    config.put("mode", "openlines");
    JsonNode problem = Problems.assertProblem(enable(t, config), 422, "invalid-module-config");
    assertTrue(problem.toString().contains("openLineId"), problem::toString);
    config.put("openLineId", "3");
    Api.Reply enabled = enable(t, config);
    assertEquals(200, enabled.status(), enabled::toString);
    JsonNode check = api.post(t.path("/modules/bitrix24/test"), t.adminToken(), "").json();
    assertTrue(check.get("ok").asBoolean(), check::toString);
    assertTrue(bitrix.isActive("deskbridge", "3"), "the connector is on the line");

    long conversation = say(t, "line-1", "line-customer", "Where is my parcel?").json().get("conversationId").asLong();
    List<JsonNode> inLine = await(bitrix::lineMessages, m -> !m.isEmpty());
    assertEquals("Where is my parcel?", inLine.get(0).path("message").path("text").asText());
    String chat = inLine.get(0).path("chat").path("id").asText();
    assertEquals("deskbridge-conversation-" + conversation, chat);

    String events = api.baseUrl() + "/hooks/" + t.slug() + "/bitrix24/events";
    assertEquals(401, bitrix.send(events, bitrix.operatorReplyForm("deskbridge", "3", chat, "Mallory",
        "Send me your card number", "forged-token")));
    String reply = bitrix.operatorReplyForm("deskbridge", "3", chat, "Olga Operator", "It arrives tomorrow",
        FakeBitrix24.APPLICATION_TOKEN);
    assertEquals(200, bitrix.send(events, reply));
    assertEquals(200, bitrix.send(events, reply), "Bitrix24 sent the event again");

    List<JsonNode> confirmed = await(bitrix::deliveryConfirmations, c -> !c.isEmpty());
    assertEquals("deskbridge", confirmed.get(0).path("CONNECTOR").asText());
    JsonNode transcript = api.get(t.path("/conversations/" + conversation + "/messages"), t.agentToken()).json();
    List<JsonNode> replies = new java.util.ArrayList<>();
    transcript.get("items").forEach(m -> {
      if (m.get("authorType").asText().equals("AGENT")) {
        replies.add(m);
      }
    });
    assertEquals(1, replies.size(), transcript::toString);
    assertEquals("It arrives tomorrow", replies.get(0).get("text").asText());
    assertEquals("PUBLIC", replies.get(0).get("visibility").asText());
    assertEquals("Olga Operator", replies.get(0).get("authorName").asText());
    assertEquals("bitrix24", replies.get(0).get("origin").asText());
    assertTrue(!transcript.toString().contains("card number"), "the forged reply never reached the customer");

    say(t, "line-2", "line-customer", "Thanks!");
    List<JsonNode> after = await(bitrix::lineMessages, m -> m.size() >= 2);
    assertEquals(List.of("Where is my parcel?", "Thanks!"),
        after.stream().map(m -> m.path("message").path("text").asText()).toList(),
        "the operator's own reply is not echoed back into the line");
    assertEquals(1, bitrix.deliveryConfirmations().size(), "confirmed once");
  }
}
