package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tenant admin enables outgoing webhooks and watches signed deliveries, retries and dead letters. */
@ExtendWith(DeskbridgeServer.class)
class WebhookModuleIT {

  static final Duration WAIT = Duration.ofSeconds(30);
  static Api api;
  static Receiver receiver;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    receiver = new Receiver();
  }

  @AfterAll
  static void tearDown() {
    receiver.close();
  }

  private static Map<String, Object> config(String path, String secret, List<String> events, boolean internal) {
    return Map.of("url", receiver.url(path), "secret", secret, "events", events, "includeInternal", internal);
  }

  private static Api.Reply enable(TestTenant t, Map<String, Object> config) {
    return api.put(t.path("/modules/webhook"), t.adminToken(), Map.of("enabled", true, "config", config));
  }

  private static JsonNode webhookIn(JsonNode catalogue) {
    for (JsonNode m : catalogue.get("items")) {
      if (m.get("id").asText().equals("webhook")) {
        return m;
      }
    }
    throw new AssertionError("no webhook module in " + catalogue);
  }

  static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void catalogueDescribesTheModuleAndRefusesTheIncompatibleJar() {
    TestTenant t = TestTenant.create(api, "wh-catalogue");
    JsonNode catalogue = api.get(t.path("/modules"), t.adminToken()).json();
    JsonNode webhook = webhookIn(catalogue);
    assertFalse(webhook.get("enabled").asBoolean());
    List<String> keys = new ArrayList<>();
    webhook.get("configSchema").forEach(f -> keys.add(f.get("key").asText()));
    assertTrue(keys.containsAll(List.of("url", "secret", "events", "includeInternal")), keys::toString);
    assertTrue(catalogue.toString().contains("\"id\":\"echo\""), "the external example plugin is installed");
    String refused = catalogue.get("refused").toString();
    assertTrue(refused.contains("echo-plugin-1.0.0-incompatible.jar") && refused.contains("99"), refused);
    assertTrue(api.serverLog().contains("built for plugin API version 99"), "the refusal is logged");
    assertProblem(api.get(t.path("/modules"), t.agentToken()), 403, "forbidden");
  }

  @Test
  void invalidConfigurationIs422NamingEveryField() {
    TestTenant t = TestTenant.create(api, "wh-invalid");
    Api.Reply reply = api.put(t.path("/modules/webhook"), t.adminToken(), Map.of("enabled", true,
        "config", Map.of("url", "ftp://nowhere", "events", List.of("message.created", "nope"), "color", "red")));
    JsonNode problem = assertProblem(reply, 422, "invalid-module-config");
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(List.of("color", "events", "secret", "url"), fields.stream().sorted().toList(), problem::toString);
    assertFalse(webhookIn(api.get(t.path("/modules"), t.adminToken()).json()).get("enabled").asBoolean(),
        "nothing was saved");
  }

  @Test
  void deliversSignedEventsAndNeverShowsTheSecret() throws Exception {
    TestTenant t = TestTenant.create(api, "wh-signed");
    String secret = "s3cret-" + t.slug();
    Api.Reply enabled = enable(t, config("/signed", secret, List.of("message.created"), false));
    assertEquals(200, enabled.status(), enabled::toString);
    assertEquals("********", enabled.json().get("config").get("secret").asText());
    assertEquals("set", enabled.json().get("secrets").get("secret").asText());

    long conversation = t.newConversation(api, "signed-customer");
    Receiver.Call call = receiver.await("/signed", c -> !c.isEmpty(), WAIT).get(0);
    String timestamp = call.header("X-Deskbridge-Timestamp");
    assertEquals("sha256=" + hmac(secret, timestamp + "." + call.body()), call.header("X-Deskbridge-Signature"));
    assertEquals("message.created", call.header("X-Deskbridge-Event"));
    JsonNode payload = Api.JSON.readTree(call.body());
    assertEquals(call.header("X-Deskbridge-Delivery"), payload.get("id").asText());
    assertEquals(t.slug(), payload.get("tenant").asText());
    assertEquals(conversation, payload.get("data").get("conversationId").asLong());
    assertEquals("Hello", payload.get("data").get("text").asText());

    for (String path : List.of("/modules", "/modules/webhook", "/modules/webhook/history")) {
      assertFalse(api.get(t.path(path), t.adminToken()).raw().contains(secret), path + " shows the secret");
    }
    assertFalse(api.serverLog().contains(secret), "the secret is in the server log");
    JsonNode history = api.get(t.path("/modules/webhook/history"), t.adminToken()).json().get("items");
    assertEquals("ENABLED", history.get(0).get("action").asText());
    assertTrue(history.get(0).get("changedKeys").asText().contains("secret"));
  }

  @Test
  void internalNotesAreSentOnlyWhenTheTargetAsksForThem() {
    TestTenant t = TestTenant.create(api, "wh-internal");
    enable(t, config("/internal", "k1", List.of("message.created"), false));
    long conversation = t.newConversation(api, "internal-customer");
    String messages = t.path("/conversations/" + conversation + "/messages");
    api.post(messages, t.agentToken(), Map.of("text", "staff only remark", "visibility", "INTERNAL"));
    api.post(messages, t.agentToken(), Map.of("text", "visible answer", "visibility", "PUBLIC"));
    List<Receiver.Call> calls = receiver.await("/internal",
        c -> c.stream().anyMatch(x -> x.body().contains("visible answer")), WAIT);
    assertTrue(calls.stream().noneMatch(c -> c.body().contains("staff only remark")), calls::toString);

    enable(t, config("/internal-on", "k1", List.of("message.created"), true));
    api.post(messages, t.agentToken(), Map.of("text", "second staff remark", "visibility", "INTERNAL"));
    receiver.await("/internal-on", c -> c.stream().anyMatch(x -> x.body().contains("second staff remark")), WAIT);
  }

  @Test
  void deadLetterAfterAPermanentFailureAndAnAdminRetryDeliversOnce() {
    TestTenant t = TestTenant.create(api, "wh-dead");
    receiver.answer("/dead", new Receiver.Answer(410, null, Duration.ZERO));
    enable(t, config("/dead", "k2", List.of("conversation.created"), false));
    t.newConversation(api, "dead-customer");
    JsonNode dead = awaitJobs(t, "DEAD", 1).get(0);
    assertEquals(1, dead.get("attempts").asInt());
    assertTrue(dead.get("lastError").asText().contains("410"), dead::toString);
    JsonNode detail = api.get(t.path("/outbox/" + dead.get("id").asLong()), t.adminToken()).json();
    assertTrue(detail.get("payload").asText().contains("customerId"), detail::toString);

    receiver.answer("/dead", Receiver.Answer.ok());
    assertEquals(200, api.post(t.path("/outbox/" + dead.get("id").asLong() + "/retry"), t.adminToken(), "").status());
    awaitJobs(t, "DONE", 1);
    assertEquals(2, receiver.calls("/dead").size(), "one refused delivery, then exactly one after the retry");
    assertProblem(api.post(t.path("/outbox/" + dead.get("id").asLong() + "/retry"), t.adminToken(), ""), 409,
        "job-not-dead");
  }

  @Test
  void aReceiverThatKeepsFailingIsRetriedUntilTheJobIsDead() {
    TestTenant t = TestTenant.create(api, "wh-flaky");
    receiver.answer("/flaky", new Receiver.Answer(500, null, Duration.ZERO));
    enable(t, config("/flaky", "k7", List.of("conversation.created"), false));
    t.newConversation(api, "flaky-customer");
    JsonNode dead = awaitJobs(t, "DEAD", 1).get(0);
    assertEquals(8, dead.get("attempts").asInt(), dead::toString);
    assertTrue(dead.get("lastError").asText().contains("Gave up after 8 attempts"), dead::toString);
    assertEquals(8, receiver.calls("/flaky").size());
  }

  @Test
  void aReceiverThatTimesOutIsRetriedAndDeliveredOnceItAnswers() {
    TestTenant t = TestTenant.create(api, "wh-slow");
    receiver.answer("/slow", new Receiver.Answer(200, null, Duration.ofSeconds(3)));
    enable(t, Map.of("url", receiver.url("/slow"), "secret", "k8", "events", List.of("conversation.created"),
        "timeout", "PT1S"));
    t.newConversation(api, "slow-customer");
    receiver.await("/slow", c -> c.size() >= 2, WAIT);
    receiver.answer("/slow", Receiver.Answer.ok());
    JsonNode done = awaitJobs(t, "DONE", 1).get(0);
    assertTrue(done.get("attempts").asInt() >= 3, done::toString);
  }

  @Test
  void retriesAPassingFailureHonouringRetryAfter() {
    TestTenant t = TestTenant.create(api, "wh-retry");
    receiver.answer("/busy", new Receiver.Answer(429, "2", Duration.ZERO));
    enable(t, config("/busy", "k3", List.of("conversation.created"), false));
    t.newConversation(api, "busy-customer");
    receiver.await("/busy", c -> c.size() >= 1, WAIT);
    JsonNode pending = awaitJobs(t, "PENDING", 1).get(0);
    assertEquals(1, pending.get("attempts").asInt());
    receiver.answer("/busy", Receiver.Answer.ok());
    List<Receiver.Call> calls = receiver.await("/busy", c -> c.size() >= 2, WAIT);
    Duration gap = Duration.between(calls.get(0).at(), calls.get(1).at());
    assertTrue(gap.compareTo(Duration.ofMillis(1900)) >= 0, "waited for Retry-After, gap was " + gap);
    awaitJobs(t, "DONE", 1);
  }

  @Test
  void oneConversationsEventsArriveInOrder() throws Exception {
    TestTenant t = TestTenant.create(api, "wh-order");
    receiver.answer("/order", new Receiver.Answer(200, null, Duration.ofMillis(30)));
    enable(t, config("/order", "k4", List.of("message.created"), false));
    long conversation = t.newConversation(api, "order-customer");
    for (int i = 1; i <= 15; i++) {
      api.post(t.path("/conversations/" + conversation + "/messages"), t.agentToken(),
          Map.of("text", "reply " + i, "visibility", "PUBLIC"));
    }
    List<Receiver.Call> calls = receiver.await("/order", c -> c.size() >= 16, WAIT);
    List<Long> ids = new ArrayList<>();
    for (Receiver.Call c : calls) {
      ids.add(Api.JSON.readTree(c.body()).get("data").get("messageId").asLong());
    }
    assertEquals(ids.stream().sorted().toList(), ids, "delivered in the order they were written");
  }

  @Test
  void disablingKeepsQueuedJobsAndEnablingAgainDeliversThem() {
    TestTenant t = TestTenant.create(api, "wh-pause");
    receiver.answer("/pause", new Receiver.Answer(503, "60", Duration.ZERO));
    enable(t, config("/pause", "k5", List.of("message.created"), false));
    long conversation = t.newConversation(api, "pause-customer");
    receiver.await("/pause", c -> c.size() == 1, WAIT);
    awaitJobs(t, "PENDING", 1);

    assertEquals(200, api.delete(t.path("/modules/webhook"), t.adminToken()).status());
    awaitJobs(t, "PAUSED", 1);
    api.post(t.path("/conversations/" + conversation + "/messages"), t.agentToken(),
        Map.of("text", "while disabled", "visibility", "PUBLIC"));

    receiver.answer("/pause", Receiver.Answer.ok());
    assertEquals(200, api.put(t.path("/modules/webhook"), t.adminToken(),
        Map.of("enabled", true)).status(), "re-enabling keeps the stored config and secret");
    awaitJobs(t, "DONE", 1);
    List<Receiver.Call> calls = receiver.await("/pause", c -> c.size() == 2, WAIT);
    assertTrue(calls.stream().noneMatch(c -> c.body().contains("while disabled")),
        "events that happen while a module is off are not queued for it");
  }

  @Test
  void testConnectionReportsTheReceiversAnswer() {
    TestTenant t = TestTenant.create(api, "wh-test");
    enable(t, config("/ping", "k6", List.of("message.created"), false));
    JsonNode ok = api.post(t.path("/modules/webhook/test"), t.adminToken(), "").json();
    assertTrue(ok.get("ok").asBoolean(), ok::toString);
    receiver.answer("/ping", new Receiver.Answer(401, null, Duration.ZERO));
    JsonNode refused = api.post(t.path("/modules/webhook/test"), t.adminToken(), "").json();
    assertFalse(refused.get("ok").asBoolean(), refused::toString);
  }

  @Test
  void anotherTenantCannotSeeOrTouchModulesAndJobs() {
    TestTenant a = TestTenant.create(api, "wh-a");
    TestTenant b = TestTenant.create(api, "wh-b");
    receiver.answer("/a-gone", new Receiver.Answer(410, null, Duration.ZERO));
    enable(a, config("/a-gone", "secret-of-a", List.of("conversation.created"), false));
    a.newConversation(api, "a-customer");
    long aJob = awaitJobs(a, "DEAD", 1).get(0).get("id").asLong();

    assertProblem(api.get(a.path("/modules"), b.adminToken()), 404, "not-found");
    assertProblem(api.get(a.path("/outbox"), b.adminToken()), 404, "not-found");
    assertProblem(api.get(b.path("/outbox/" + aJob), b.adminToken()), 404, "not-found");
    assertProblem(api.post(b.path("/outbox/" + aJob + "/retry"), b.adminToken(), ""), 404, "not-found");
    assertEquals(0, api.get(b.path("/outbox"), b.adminToken()).json().get("items").size());
    assertFalse(webhookIn(api.get(b.path("/modules"), b.adminToken()).json()).get("enabled").asBoolean());
    assertEquals("DEAD", api.get(a.path("/outbox/" + aJob), a.adminToken()).json().get("state").asText());
  }

  static List<JsonNode> awaitJobs(TestTenant t, String state, int count) {
    long deadline = System.currentTimeMillis() + WAIT.toMillis();
    while (System.currentTimeMillis() < deadline) {
      JsonNode items = api.get(t.path("/outbox?state=" + state), t.adminToken()).json().get("items");
      if (items.size() >= count) {
        List<JsonNode> jobs = new ArrayList<>();
        items.forEach(jobs::add);
        return jobs;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("no " + count + " " + state + " job(s) for " + t.slug() + ": "
        + api.get(t.path("/outbox"), t.adminToken()).raw());
  }
}
