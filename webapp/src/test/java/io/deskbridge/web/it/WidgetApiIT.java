package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The widget's public API as a visitor's browser (or someone imitating one) calls it, without staff tokens. */
@ExtendWith(DeskbridgeServer.class)
class WidgetApiIT {

  static Api api;
  static TestTenant tenant;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "widget-api");
  }

  private static String widget(String slug, String rest) {
    return "/api/v1/widget/" + slug + rest;
  }

  private static String startVisit(String slug) {
    Api.Reply visit = api.post(widget(slug, "/visitors"), null, Map.of());
    assertEquals(201, visit.status(), visit::toString);
    return visit.json().get("token").asText();
  }

  private static Api.Reply send(String slug, String token, String clientMessageId, String text) {
    Map<String, Object> body = new HashMap<>();
    body.put("clientMessageId", clientMessageId);
    body.put("name", "Olga Visitor");
    body.put("email", "olga@visitor.test");
    body.put("language", "en-GB");
    body.put("text", text);
    return sendRaw(slug, token, Api.JSON.valueToTree(body).toString(), Map.of());
  }

  private static Api.Reply sendRaw(String slug, String token, String body, Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(extra);
    headers.put("Content-Type", "application/json");
    if (token != null) {
      headers.put("X-Visitor-Token", token);
    }
    return api.send("POST", widget(slug, "/messages"), null, headers, body);
  }

  private static Api.Reply read(String slug, String token) {
    return api.send("GET", widget(slug, "/messages"), null,
        token == null ? Map.of() : Map.of("X-Visitor-Token", token), null);
  }

  private static List<String> texts(Api.Reply transcript) {
    assertEquals(200, transcript.status(), transcript::toString);
    List<String> texts = new ArrayList<>();
    transcript.json().get("items").forEach(m -> texts.add(m.get("text").asText()));
    return texts;
  }

  @Test
  void theVisitorReadsTheAgentsReplyWithTheirNameButNeverTheInternalNote() {
    String token = startVisit(tenant.slug());
    Api.Reply sent = send(tenant.slug(), token, "c-1", "My samovar leaks");
    assertEquals(201, sent.status(), sent::toString);
    long conversation = sent.json().get("conversationId").asLong();

    JsonNode inbox = api.get(tenant.path("/conversations/" + conversation), tenant.agentToken()).json();
    assertEquals("widget", inbox.get("channel").asText());
    JsonNode customer = api.get(tenant.path("/customers/" + inbox.get("customerId").asLong()), tenant.agentToken())
        .json();
    assertEquals("Olga Visitor", customer.get("name").asText());
    assertEquals("olga@visitor.test", customer.get("email").asText());

    String path = tenant.path("/conversations/" + conversation + "/messages");
    assertEquals(201, api.post(path, tenant.agentToken(),
        Map.of("text", "Staff only: refund over the limit", "visibility", "INTERNAL")).status());
    assertEquals(201, api.post(path, tenant.agentToken(),
        Map.of("text", "We will send a new seal today", "visibility", "PUBLIC")).status());

    Api.Reply transcript = read(tenant.slug(), token);
    assertEquals(List.of("My samovar leaks", "We will send a new seal today"), texts(transcript));
    assertFalse(transcript.raw().contains("Staff only"), transcript::toString);
    JsonNode reply = transcript.json().get("items").get(1);
    assertEquals("AGENT", reply.get("authorType").asText());
    assertEquals("Ivan Agent", reply.get("authorName").asText());
    assertEquals("CUSTOMER", transcript.json().get("items").get(0).get("authorType").asText());
  }

  /** A file with bytes no text encoding would keep intact. */
  private static final byte[] MANUAL = {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 0, (byte) 0xff, (byte) 0xd8, 'e', 'n', 'd'};

  private static Map<String, Object> file(String name, String contentType, byte[] data) {
    return Map.of("name", name, "contentType", contentType, "data", Base64.getEncoder().encodeToString(data));
  }

  private static Api.Reply download(String slug, String token, long attachmentId) {
    return api.send("GET", widget(slug, "/attachments/" + attachmentId), null,
        token == null ? Map.of() : Map.of("X-Visitor-Token", token), null);
  }

  private static long conversationOf(Api.Reply sent) {
    assertEquals(201, sent.status(), sent::toString);
    return sent.json().get("conversationId").asLong();
  }

  /** The id of the first file on the staff timeline's entry with this text. */
  private static long staffAttachmentId(long conversation, String text) {
    for (JsonNode m : api.get(tenant.path("/conversations/" + conversation + "/messages"), tenant.agentToken())
        .json().get("items")) {
      if (text.equals(m.get("text").asText())) {
        return m.get("attachments").get(0).get("id").asLong();
      }
    }
    throw new AssertionError("no entry " + text);
  }

  private static void assertAttachmentNotFound(Api.Reply reply, long attachmentId) {
    JsonNode problem = assertProblem(reply, 404, "not-found");
    assertEquals("Attachment", problem.path("resource").asText(), reply::toString);
    assertEquals(String.valueOf(attachmentId), problem.path("id").asText(), reply::toString);
  }

  @Test
  void theVisitorSeesAndDownloadsTheAgentsFileButNeitherTheNotesNorAnotherVisitorsOrTenants() {
    String alice = startVisit(tenant.slug());
    long conversation = conversationOf(send(tenant.slug(), alice, "f-1", "Is there a manual?"));
    String path = tenant.path("/conversations/" + conversation + "/messages");
    assertEquals(201, api.post(path, tenant.agentToken(), Map.of("text", "Staff only: memo", "visibility", "INTERNAL",
        "attachments", List.of(file("refund-memo.txt", "text/plain", "refund 4711".getBytes())))).status());
    assertEquals(201, api.post(path, tenant.agentToken(), Map.of("text", "Here is the manual", "visibility", "PUBLIC",
        "attachments", List.of(file("samovar manual.pdf", "application/pdf", MANUAL)))).status());

    Api.Reply transcript = read(tenant.slug(), alice);
    assertEquals(List.of("Is there a manual?", "Here is the manual"), texts(transcript));
    assertEquals(0, transcript.json().get("items").get(0).get("attachments").size(), transcript::toString);
    JsonNode listed = transcript.json().get("items").get(1).get("attachments");
    assertEquals(1, listed.size(), transcript::toString);
    assertEquals("samovar manual.pdf", listed.get(0).get("name").asText());
    assertEquals("application/pdf", listed.get(0).get("contentType").asText());
    assertEquals(MANUAL.length, listed.get(0).get("size").asLong());
    assertFalse(transcript.raw().contains("refund-memo"), transcript::toString);
    long manual = listed.get(0).get("id").asLong();

    HttpResponse<byte[]> got = api.downloadWith(widget(tenant.slug(), "/attachments/" + manual),
        Map.of("X-Visitor-Token", alice, "Origin", "https://shop.example"));
    assertEquals(200, got.statusCode());
    assertArrayEquals(MANUAL, got.body());
    assertTrue(got.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"), got::toString);
    assertTrue(got.headers().firstValue("Content-Disposition").orElse("")
        .startsWith("attachment; filename=\"samovar manual.pdf\""), got.headers()::toString);
    assertEquals("nosniff", got.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("https://shop.example", got.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
        "the widget on the shop's page may read the file");

    long memo = staffAttachmentId(conversation, "Staff only: memo");
    assertAttachmentNotFound(download(tenant.slug(), alice, memo), memo);

    String bob = startVisit(tenant.slug());
    conversationOf(send(tenant.slug(), bob, "f-2", "Bob's own question"));
    assertAttachmentNotFound(download(tenant.slug(), bob, manual), manual);
    assertAttachmentNotFound(download(tenant.slug(), startVisit(tenant.slug()), manual), manual);
    assertProblem(download(tenant.slug(), null, manual), 401, "invalid-visitor");
    String aliceId = alice.substring(0, alice.indexOf('.'));
    assertProblem(download(tenant.slug(), aliceId + "." + bob.substring(bob.indexOf('.') + 1), manual), 401,
        "invalid-visitor");

    TestTenant other = TestTenant.create(api, "widget-files");
    String carol = startVisit(other.slug());
    conversationOf(send(other.slug(), carol, "f-3", "Hello from another shop"));
    assertAttachmentNotFound(download(other.slug(), carol, manual), manual);
  }

  @Test
  void downloadsCountAgainstTheVisitorsReadLimit() {
    String token = startVisit(tenant.slug());
    long conversation = conversationOf(send(tenant.slug(), token, "dl-1", "Send me the manual"));
    assertEquals(201, api.post(tenant.path("/conversations/" + conversation + "/messages"), tenant.agentToken(),
        Map.of("text", "Manual", "visibility", "PUBLIC",
            "attachments", List.of(file("manual.pdf", "application/pdf", MANUAL)))).status());
    long manual = staffAttachmentId(conversation, "Manual");
    Api.Reply last = null;
    int downloads = 0;
    // A loop fetching the same file is stopped like a polling loop: by the read limit (200 a minute by default).
    while (downloads < 1000) {
      last = download(tenant.slug(), token, manual);
      if (last.status() != 200) {
        break;
      }
      downloads++;
    }
    assertProblem(last, 429, "rate-limited");
    int served = downloads;
    assertTrue(served > 1, () -> "refused after " + served);
    assertTrue(last.headers().firstValue("Retry-After").isPresent());
    assertProblem(read(tenant.slug(), token), 429, "rate-limited");
  }

  @Test
  void readingOnFromTheCursorGivesOnlyWhatIsNewOrStillSettling() {
    String token = startVisit(tenant.slug());
    send(tenant.slug(), token, "k-1", "First question");
    Api.Reply first = read(tenant.slug(), token);
    String cursor = first.json().get("cursor").isNull() ? "" : first.json().get("cursor").asText();
    send(tenant.slug(), token, "k-2", "Second question");
    Api.Reply next = api.send("GET", widget(tenant.slug(), "/messages?cursor=" + cursor), null,
        Map.of("X-Visitor-Token", token), null);
    assertTrue(texts(next).contains("Second question"), next::toString);
  }

  @Test
  void anotherVisitorOrAForgedTokenCannotReadSomeoneElsesChat() {
    String alice = startVisit(tenant.slug());
    assertEquals(201, send(tenant.slug(), alice, "a-1", "Alice's secret order 4711").status());
    String bob = startVisit(tenant.slug());

    Api.Reply bobsView = read(tenant.slug(), bob);
    assertEquals(List.of(), texts(bobsView));

    String aliceId = alice.substring(0, alice.indexOf('.'));
    String bobSignature = bob.substring(bob.indexOf('.') + 1);
    assertProblem(read(tenant.slug(), aliceId + "." + bobSignature), 401, "invalid-visitor");
    assertProblem(read(tenant.slug(), aliceId), 401, "invalid-visitor");
    assertProblem(read(tenant.slug(), null), 401, "invalid-visitor");
    assertProblem(send(tenant.slug(), aliceId + "." + bobSignature, "a-2", "let me in"), 401, "invalid-visitor");

    TestTenant other = TestTenant.create(api, "widget-other");
    Api.Reply elsewhere = read(other.slug(), alice);
    assertProblem(elsewhere, 401, "invalid-visitor");
    assertFalse(elsewhere.raw().contains("4711"));
  }

  @Test
  void aRetriedSendIsStoredOnce() {
    String token = startVisit(tenant.slug());
    Api.Reply first = send(tenant.slug(), token, "retry-1", "Is this on?");
    Api.Reply again = send(tenant.slug(), token, "retry-1", "Is this on?");
    assertEquals(201, first.status(), first::toString);
    assertEquals(200, again.status(), again::toString);
    assertEquals(first.json(), again.json());
    long conversation = first.json().get("conversationId").asLong();
    assertEquals(1, api.get(tenant.path("/conversations/" + conversation + "/messages"), tenant.agentToken())
        .json().get("items").size());
    assertEquals(List.of("Is this on?"), texts(read(tenant.slug(), token)));
  }

  @Test
  void aVisitorWritingTooFastIsToldWhenToTryAgain() {
    String token = startVisit(tenant.slug());
    for (int i = 1; i <= 20; i++) {
      Api.Reply ok = send(tenant.slug(), token, "flood-" + i, "Message " + i);
      assertEquals(201, ok.status(), ok::toString);
    }
    Api.Reply refused = send(tenant.slug(), token, "flood-21", "Message 21");
    assertProblem(refused, 429, "rate-limited");
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 61, () -> "Retry-After " + retryAfter);
    assertFalse(texts(read(tenant.slug(), token)).contains("Message 21"));
  }

  @Test
  void badInputIsRefusedAsProblems() {
    String token = startVisit(tenant.slug());
    assertFieldErrors(send(tenant.slug(), token, "bad-1", "   "), "text");
    assertFieldErrors(send(tenant.slug(), token, "bad-2", "x".repeat(4001)), "text");
    assertFieldErrors(sendRaw(tenant.slug(), token, "{\"clientMessageId\":\"bad-3\",\"text\":\"hi\"}", Map.of()),
        "name");
    assertFieldErrors(send(tenant.slug(), token, "not an id!", "hi"), "clientMessageId");
    assertFieldErrors(sendRaw(tenant.slug(), token,
        "{\"clientMessageId\":\"bad-5\",\"name\":\"Olga\",\"email\":\"olga at home\",\"text\":\"hi\"}", Map.of()),
        "email");
    assertProblem(send(tenant.slug(), token, "bad-4", "y".repeat(40_000)), 413, "payload-too-large");
    assertProblem(api.post(widget("no-such-shop", "/visitors"), null, Map.of()), 404, "not-found");
    assertProblem(api.get(widget("no-such-shop", ""), null), 404, "not-found");
  }

  @Test
  void aWorkspaceThatSwitchedTheWidgetOffAnswers403() {
    TestTenant off = TestTenant.create(api, "widget-off");
    String token = startVisit(off.slug());
    assertEquals(200, api.patch(off.path(""), off.adminToken(),
        Map.of("settings", Map.of("widget.enabled", "false"))).status());
    assertProblem(api.get(widget(off.slug(), ""), null), 403, "widget-disabled");
    assertProblem(api.post(widget(off.slug(), "/visitors"), null, Map.of()), 403, "widget-disabled");
    assertProblem(send(off.slug(), token, "off-1", "Anyone?"), 403, "widget-disabled");
  }

  @Test
  void theTenantsOwnSitesGetCorsAndOthersAreRefused() {
    TestTenant shop = TestTenant.create(api, "widget-cors");
    Map<String, String> preflight = Map.of("Origin", "https://anyone.example",
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-visitor-token");
    Api.Reply open = api.send("OPTIONS", widget(shop.slug(), "/messages"), null, preflight, null);
    assertEquals(204, open.status(), open::toString);
    assertEquals("https://anyone.example", open.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(open.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Visitor-Token"));

    assertEquals(200, api.patch(shop.path(""), shop.adminToken(),
        Map.of("settings", Map.of("widget.allowedOrigins", "https://shop.example"))).status());
    Api.Reply allowed = api.send("GET", widget(shop.slug(), ""), null, Map.of("Origin", "https://shop.example"), null);
    assertEquals(200, allowed.status(), allowed::toString);
    assertEquals("https://shop.example", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    Api.Reply foreign = api.send("OPTIONS", widget(shop.slug(), "/messages"), null,
        Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"), null);
    assertProblem(foreign, 403, "origin-not-allowed");
    assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

    Api.Reply staffApi = api.send("GET", shop.path("/conversations"), shop.agentToken(),
        Map.of("Origin", "https://shop.example"), null);
    assertTrue(staffApi.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
        "the staff API is not opened to other sites");
  }
}
