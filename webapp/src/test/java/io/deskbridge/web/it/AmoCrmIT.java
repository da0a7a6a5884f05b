package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.plugin.amocrm.FakeAmoCrm;
import io.deskbridge.plugin.amocrm.FakeAmojo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An integrator connects a tenant to amoCRM (the fake) and watches chats become leads with notes. */
@ExtendWith(DeskbridgeServer.class)
class AmoCrmIT {

  static final Duration WAIT = Duration.ofSeconds(60);
  static Api api;
  FakeAmoCrm amo;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @BeforeEach
  void startFake() {
    amo = new FakeAmoCrm();
  }

  @AfterEach
  void stopFake() {
    amo.close();
  }

  private Map<String, Object> tokenConfig(String webhookToken) {
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", amo.url());
    config.put("authMode", "token");
    config.put("accessToken", amo.longLivedToken());
    config.put("webhookToken", webhookToken);
    return config;
  }

  private static Api.Reply enable(TestTenant t, Map<String, Object> config) {
    return api.put(t.path("/modules/amocrm"), t.adminToken(), Map.of("enabled", true, "config", config));
  }

  private static String hook(TestTenant t, String rest) {
    return "/hooks/" + t.slug() + "/amocrm/" + rest;
  }

  private static Api.Reply say(TestTenant t, String messageId, String customer, String text) {
    Api.Reply receipt = t.inbound(api, t.agentToken(), messageId, customer, text);
    assertTrue(receipt.status() == 201 || receipt.status() == 200, receipt::toString);
    return receipt;
  }

  private long onlyLead() {
    List<JsonNode> leads = amo.leads();
    assertEquals(1, leads.size(), leads::toString);
    return leads.get(0).get("id").asLong();
  }

  private List<String> awaitNotes(Predicate<List<String>> done) {
    return await(() -> amo.leads().isEmpty() ? List.<String>of() : amo.noteTexts(amo.leads().get(0).get("id").asLong()),
        done);
  }

  static <T> T await(Supplier<T> probe, Predicate<T> done) {
    return Await.until(probe, done, WAIT);
  }

  static List<JsonNode> awaitJobs(TestTenant t, String state, int count) {
    JsonNode items = await(() -> api.get(t.path("/outbox?state=" + state), t.adminToken()).json().get("items"),
        i -> i.size() >= count);
    List<JsonNode> jobs = new ArrayList<>();
    items.forEach(jobs::add);
    return jobs;
  }

  @Test
  void aChatOfThirtyMessagesBecomesOneContactOneLeadAndThirtyNotesInOrder() {
    TestTenant t = TestTenant.create(api, "amo-chat");
    Api.Reply enabled = enable(t, tokenConfig("hook-" + t.slug()));
    assertEquals(200, enabled.status(), enabled::toString);
    JsonNode check = api.post(t.path("/modules/amocrm/test"), t.adminToken(), "").json();
    assertTrue(check.get("ok").asBoolean(), check::toString);

    long customerId = 0;
    for (int i = 1; i <= 30; i++) {
      customerId = say(t, "chat-" + i, "chat-customer", "message " + i).json().get("customerId").asLong();
    }
    say(t, "chat-7", "chat-customer", "message 7"); // the channel redelivers a message it already sent
    List<String> notes = awaitNotes(n -> n.size() >= 30);
    assertEquals(1, amo.contacts().size());
    long lead = onlyLead();
    assertEquals(30, notes.size(), notes::toString);
    for (int i = 1; i <= 30; i++) {
      assertTrue(notes.get(i - 1).contains("\nmessage " + i + "\n"), i + ": " + notes.get(i - 1));
    }
    assertTrue(amo.maxRequestsInOneSecond() <= FakeAmoCrm.LIMIT_PER_SECOND, "peak " + amo.maxRequestsInOneSecond());

    JsonNode card = api.get(t.path("/customers/" + customerId), t.agentToken()).json().get("modules");
    assertTrue(card.toString().contains(amo.url() + "/leads/detail/" + lead), card::toString);
    assertTrue(card.toString().contains(amo.url() + "/contacts/detail/"), card::toString);
  }

  @Test
  void closingAddsASummaryNoteWithTheCategoryAndALinkToTheDialog() {
    TestTenant t = TestTenant.create(api, "amo-close");
    enable(t, tokenConfig("hook-" + t.slug()));
    long conversation = say(t, "close-1", "close-customer", "hello").json().get("conversationId").asLong();
    api.put(t.path("/conversations/" + conversation + "/category"), t.agentToken(), Map.of("categoryId", t.categoryId()));
    assertEquals(200, api.post(t.path("/conversations/" + conversation + "/close"), t.agentToken(), Map.of()).status());
    List<String> notes = awaitNotes(n -> n.size() >= 2);
    String summary = notes.get(1);
    assertTrue(summary.contains("Category: How-to"), summary);
    assertTrue(summary.contains("/conversations/" + conversation + "?tenant=" + t.slug()), summary);
  }

  @Test
  void anInternalNoteNeverBecomesALeadNoteWhenTheOptionIsOff() {
    TestTenant t = TestTenant.create(api, "amo-internal");
    enable(t, tokenConfig("hook-" + t.slug()));
    long conversation = say(t, "int-1", "internal-customer", "hello").json().get("conversationId").asLong();
    String messages = t.path("/conversations/" + conversation + "/messages");
    api.post(messages, t.agentToken(), Map.of("text", "staff only remark", "visibility", "INTERNAL"));
    api.post(messages, t.agentToken(), Map.of("text", "visible answer", "visibility", "PUBLIC"));
    List<String> notes = awaitNotes(n -> n.stream().anyMatch(x -> x.contains("visible answer")));
    assertTrue(notes.stream().noneMatch(n -> n.contains("staff only remark")), notes::toString);
    assertTrue(notes.stream().anyMatch(n -> n.contains("Ivan Agent via api")), notes::toString);
  }

  @Test
  void twoMessagesAtOnceFromANewCustomerMakeOneContactAndOneLead() {
    TestTenant t = TestTenant.create(api, "amo-race");
    enable(t, tokenConfig("hook-" + t.slug()));
    var first = CompletableFuture.supplyAsync(() -> t.inbound(api, t.agentToken(), "race-1", "race-customer", "one"));
    var second = CompletableFuture.supplyAsync(() -> t.inbound(api, t.agentToken(), "race-2", "race-customer", "two"));
    assertTrue(first.join().status() < 300 && second.join().status() < 300);
    awaitNotes(n -> n.size() >= 2);
    assertEquals(1, amo.contacts().size(), amo.contacts()::toString);
    onlyLead();
  }

  @Test
  void aStormOf429FinishesWithAllNotesAndNeverMoreThanSevenRequestsASecond() {
    TestTenant t = TestTenant.create(api, "amo-storm");
    enable(t, tokenConfig("hook-" + t.slug()));
    say(t, "storm-0", "storm-customer", "first");
    awaitNotes(n -> n.size() >= 1);
    amo.stormOf429(12);
    for (int i = 1; i <= 20; i++) {
      say(t, "storm-" + i, "storm-customer", "burst " + i);
    }
    List<String> notes = awaitNotes(n -> n.size() >= 21);
    for (int i = 1; i <= 20; i++) {
      assertTrue(notes.get(i).contains("\nburst " + i + "\n"), i + ": " + notes.get(i));
    }
    assertEquals(21, notes.size());
    assertTrue(amo.maxRequestsInOneSecond() <= FakeAmoCrm.LIMIT_PER_SECOND, "peak " + amo.maxRequestsInOneSecond());
    assertTrue(amo.noteRequests() < 21, "the burst that waited out the storm went in batches, but "
        + amo.noteRequests() + " requests carried 21 notes");
  }

  @Test
  void oauthConsentThenTokenExpiryMidChatRefreshesOnce() {
    TestTenant t = TestTenant.create(api, "amo-oauth");
    String hookToken = "hook-" + t.slug();
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", amo.url());
    config.put("authMode", "oauth");
    config.put("clientId", FakeAmoCrm.CLIENT_ID);
    config.put("clientSecret", FakeAmoCrm.CLIENT_SECRET);
    config.put("redirectUri", "https://desk.example.test" + hook(t, hookToken + "/oauth"));
    config.put("webhookToken", hookToken);
    Api.Reply enabled = enable(t, config);
    assertEquals(200, enabled.status(), enabled::toString);

    Api.Reply unasked = api.get(hook(t, hookToken + "/oauth?code=" + amo.authorizationCode() + "&referer=acme"), null);
    assertEquals(400, unasked.status(), "a redirect without the state Deskbridge issued");
    JsonNode check = api.post(t.path("/modules/amocrm/test"), t.adminToken(), "").json();
    assertFalse(check.get("ok").asBoolean(), check::toString);
    Matcher link = Pattern.compile("[?&]state=([A-Za-z0-9_-]+)").matcher(check.get("detail").asText());
    assertTrue(link.find(), check::toString);
    Api.Reply consent = api.get(hook(t, hookToken + "/oauth?code=" + amo.authorizationCode() + "&referer=acme"
        + "&state=" + link.group(1)), null);
    assertEquals(200, consent.status(), consent::toString);
    for (int i = 1; i <= 5; i++) {
      say(t, "oauth-" + i, "oauth-customer", "before " + i);
    }
    awaitNotes(n -> n.size() >= 5);
    amo.expireAccessTokens();
    for (int i = 1; i <= 5; i++) {
      say(t, "oauth-late-" + i, "oauth-customer", "after " + i);
    }
    List<String> notes = awaitNotes(n -> n.size() >= 10);
    assertEquals(10, notes.size());
    assertEquals(1, amo.refreshes());
    assertFalse(api.serverLog().contains(FakeAmoCrm.CLIENT_SECRET), "the client secret is in the server log");
  }

  @Test
  void theWebhookNeedsItsSecretAndALeadStageChangeBecomesAnInternalNote() {
    TestTenant t = TestTenant.create(api, "amo-hook");
    String hookToken = "hook-" + t.slug();
    enable(t, tokenConfig(hookToken));
    long conversation = say(t, "hook-1", "hook-customer", "hello").json().get("conversationId").asLong();
    awaitNotes(n -> n.size() >= 1);
    long lead = onlyLead();

    assertEquals(401, amo.sendStatusChange(api.baseUrl() + hook(t, "wrong-token"), lead, 142, FakeAmoCrm.ACCOUNT_ID));
    int withoutToken = amo.sendStatusChange(api.baseUrl() + "/hooks/" + t.slug() + "/amocrm", lead, 142,
        FakeAmoCrm.ACCOUNT_ID);
    assertTrue(withoutToken == 401 || withoutToken == 404, "without the token: " + withoutToken);
    assertEquals(403, amo.sendStatusChange(api.baseUrl() + hook(t, hookToken), lead, 142, 1));
    assertEquals(200, amo.sendStatusChange(api.baseUrl() + hook(t, hookToken), lead, 142, FakeAmoCrm.ACCOUNT_ID));

    JsonNode timeline = api.get(t.path("/conversations/" + conversation + "/messages"), t.agentToken()).json();
    List<String> internal = new ArrayList<>();
    timeline.get("items").forEach(m -> {
      if (m.get("visibility").asText().equals("INTERNAL")) {
        internal.add(m.get("text").asText());
      }
    });
    assertEquals(1, internal.size(), timeline::toString);
    assertTrue(internal.get(0).contains("lead #" + lead + " moved to stage 142"), internal::toString);
  }

  @Test
  void aBlockedAccountDeadLettersWithAClearErrorAndAnAdminRetryCreatesNothingTwice() {
    TestTenant t = TestTenant.create(api, "amo-blocked");
    enable(t, tokenConfig("hook-" + t.slug()));
    amo.block(true);
    say(t, "blocked-1", "blocked-customer", "hello");
    JsonNode dead = awaitJobs(t, "DEAD", 1).get(0);
    assertTrue(dead.get("lastError").asText().contains("403") && dead.get("lastError").asText().contains("blocked"),
        dead::toString);
    JsonNode check = api.post(t.path("/modules/amocrm/test"), t.adminToken(), "").json();
    assertFalse(check.get("ok").asBoolean(), check::toString);

    amo.block(false);
    for (JsonNode job : awaitJobs(t, "DEAD", 1)) {
      assertEquals(200, api.post(t.path("/outbox/" + job.get("id").asLong() + "/retry"), t.adminToken(), "").status());
    }
    awaitNotes(n -> n.size() >= 1);
    assertEquals(1, amo.contacts().size());
    onlyLead();
  }

  @Test
  void chatModeNeedsItsChannelSettings() {
    TestTenant t = TestTenant.create(api, "amo-chatconf");
    Map<String, Object> config = tokenConfig("hook-" + t.slug());
    config.put("mode", "chat");
    JsonNode problem = assertProblem(enable(t, config), 422, "invalid-module-config");
    assertTrue(problem.toString().contains("channelSecret"), problem::toString);
  }

  @Test
  void inChatModeTheCustomerIsInAmoCrmsInboxAndAManagersSignedReplyReachesThemOnce() {
    try (FakeAmojo amojo = new FakeAmojo()) {
      TestTenant t = TestTenant.create(api, "amo-inbox");
      Map<String, Object> config = tokenConfig("hook-" + t.slug());
      config.put("mode", "chat");
      config.put("amojoBaseUrl", amojo.url());
      config.put("channelId", FakeAmojo.CHANNEL_ID);
      config.put("channelSecret", FakeAmojo.CHANNEL_SECRET);
      assertEquals(200, enable(t, config).status());
      JsonNode check = api.post(t.path("/modules/amocrm/test"), t.adminToken(), "").json();
      assertTrue(check.get("ok").asBoolean(), check::toString);

      long conversation = say(t, "chat-1", "chat-customer", "Where is my parcel?").json().get("conversationId")
          .asLong();
      String key = await(() -> amojo.conversationKeys().stream().filter(k -> k.endsWith("-" + conversation))
          .findFirst().orElse(""), k -> !k.isEmpty() && !amojo.messages(k).isEmpty());
      assertEquals("Where is my parcel?", amojo.messages(key).get(0).text());
      assertEquals(1, amo.contacts().size());
      assertEquals(amo.contacts().get(0).get("id").asLong(), amo.chatLinks().get(amojo.chatIdOf(key)));

      String chatHook = api.baseUrl() + hook(t, "chat");
      assertEquals(401, amojo.forgedReply(chatHook, key, "Send me your card number"));
      FakeAmojo.Sent sent = amojo.managerReplies(chatHook, key, "Olga Manager", "It arrives tomorrow");
      assertEquals(200, sent.status());
      assertEquals(200, amojo.replayLastWebhook(chatHook));

      List<Integer> statuses = await(() -> amojo.statuses(sent.msgid()), s -> !s.isEmpty());
      assertEquals(List.of(1), statuses, "amoCRM is told the reply was delivered");
      JsonNode transcript = api.get(t.path("/conversations/" + conversation + "/messages"), t.agentToken()).json();
      List<JsonNode> replies = new ArrayList<>();
      transcript.get("items").forEach(m -> {
        if (m.get("authorType").asText().equals("AGENT")) {
          replies.add(m);
        }
      });
      assertEquals(1, replies.size(), transcript::toString);
      JsonNode reply = replies.get(0);
      assertEquals("It arrives tomorrow", reply.get("text").asText());
      assertEquals("PUBLIC", reply.get("visibility").asText());
      assertEquals("Olga Manager", reply.get("authorName").asText());
      assertEquals("amocrm", reply.get("origin").asText());
      assertTrue(transcript.toString().contains("Where is my parcel?"));
      assertFalse(transcript.toString().contains("card number"), "the forged reply never reached the customer");

      say(t, "chat-2", "chat-customer", "Thanks!");
      await(() -> amojo.messages(key), m -> m.size() >= 2);
      assertEquals(List.of("Where is my parcel?", "Thanks!"),
          amojo.messages(key).stream().map(FakeAmojo.ChatMessage::text).toList(),
          "the manager's own reply is not echoed back into amoCRM");
      assertEquals(List.of(1, 2), await(() -> amojo.statuses(sent.msgid()), s -> s.size() >= 2), "then read");
    }
  }
}
