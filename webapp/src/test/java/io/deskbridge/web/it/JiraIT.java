package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.plugin.jira.FakeJira;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8 on the real WAR: an agent escalates a conversation to an issue of the fake Jira (which
 * checks every request against Atlassian's OpenAPI document), the issue links back to the dialog, and
 * Jira's comments and resolution come back through the signed webhook.
 */
@ExtendWith(DeskbridgeServer.class)
class JiraIT {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final String WEBHOOK_SECRET = "jira-webhook-secret-of-the-it";
  static Api api;
  final List<FakeJira> fakes = new ArrayList<>();

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @AfterEach
  void stopFakes() {
    for (FakeJira jira : fakes) {
      try {
        assertEquals(List.of(), jira.specViolations(), "requests Jira's OpenAPI document refuses");
      } finally {
        jira.close();
      }
    }
  }

  private FakeJira jira(FakeJira.Flavour flavour) {
    FakeJira jira = new FakeJira(flavour);
    fakes.add(jira);
    return jira;
  }

  /** Project key and issue type are left out: the defaults SUP and Task are part of the contract. */
  private static Map<String, Object> cloudConfig(FakeJira jira) {
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", jira.url());
    config.put("deployment", "cloud");
    config.put("email", FakeJira.EMAIL);
    config.put("apiToken", FakeJira.API_TOKEN);
    config.put("webhookSecret", WEBHOOK_SECRET);
    return config;
  }

  private static Api.Reply enable(TestTenant t, Map<String, Object> config) {
    Api.Reply enabled = api.put(t.path("/modules/jira"), t.adminToken(), Map.of("enabled", true, "config", config));
    assertEquals(200, enabled.status(), enabled::toString);
    return enabled;
  }

  /** Jira's admin webhook, pointed at the tenant's hook URL and signing with the configured secret. */
  private static void hookUp(FakeJira jira, TestTenant t, String secret) {
    jira.webhookTo(api.baseUrl() + "/hooks/" + t.slug() + "/jira", secret);
  }

  private static long conversation(TestTenant t, String customer, String text) {
    Api.Reply receipt = t.inbound(api, t.agentToken(), "msg-" + customer, customer, text);
    assertEquals(201, receipt.status(), receipt::toString);
    return receipt.json().get("conversationId").asLong();
  }

  private static Api.Reply escalate(TestTenant t, long conversation, String summary, String description) {
    return api.post(t.path("/conversations/" + conversation + "/actions/jira.create"), t.agentToken(),
        Map.of("summary", summary, "description", description));
  }

  /** @return the job the accepted action names */
  private static long accepted(Api.Reply reply) {
    assertEquals(202, reply.status(), reply::toString);
    assertTrue(reply.json().hasNonNull("jobId"), reply::toString);
    return reply.json().get("jobId").asLong();
  }

  private static JsonNode awaitDone(TestTenant t, long jobId) {
    JsonNode job = await(() -> api.get(t.path("/outbox/" + jobId), t.adminToken()).json(),
        j -> !j.path("state").asText().equals("PENDING") && !j.path("state").asText().equals("IN_FLIGHT"));
    assertEquals("DONE", job.get("state").asText(), job::toString);
    return job;
  }

  private static JsonNode view(TestTenant t, long conversation) {
    return api.get(t.path("/conversations/" + conversation), t.agentToken()).json();
  }

  private static List<JsonNode> jiraLinks(TestTenant t, long conversation) {
    List<JsonNode> links = new ArrayList<>();
    view(t, conversation).get("links").forEach(l -> {
      if (l.path("type").asText().equals("jira")) {
        links.add(l);
      }
    });
    return links;
  }

  private static List<JsonNode> messages(TestTenant t, long conversation) {
    List<JsonNode> items = new ArrayList<>();
    api.get(t.path("/conversations/" + conversation + "/messages"), t.agentToken()).json().get("items")
        .forEach(items::add);
    return items;
  }

  private static List<String> texts(JsonNode adf) {
    List<String> texts = new ArrayList<>();
    adf.findValues("text").forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<JsonNode> labelled(FakeJira jira, TestTenant t, long conversation) {
    String label = "deskbridge-" + t.slug() + "-" + conversation;
    return jira.issues().stream().filter(i -> i.get("fields").get("labels").toString().contains("\"" + label + "\""))
        .toList();
  }

  static <T> T await(Supplier<T> probe, Predicate<T> done) {
    return Await.until(probe, done, WAIT);
  }

  @Test
  void escalatingCreatesOneAdfIssueWhoseRemoteLinkOpensTheDialogAndTheConversationShowsIt() {
    FakeJira jira = jira(FakeJira.Flavour.CLOUD);
    TestTenant t = TestTenant.create(api, "jira-escalate");
    Api.Reply enabled = enable(t, cloudConfig(jira));
    assertFalse(enabled.raw().contains(FakeJira.API_TOKEN), enabled::toString);
    assertFalse(enabled.raw().contains(WEBHOOK_SECRET), enabled::toString);
    assertEquals("set", enabled.json().get("secrets").get("apiToken").asText(), enabled::toString);
    assertEquals("set", enabled.json().get("secrets").get("webhookSecret").asText(), enabled::toString);
    Api.Reply module = api.get(t.path("/modules/jira"), t.adminToken());
    assertFalse(module.raw().contains(FakeJira.API_TOKEN) || module.raw().contains(WEBHOOK_SECRET), module::toString);

    long conversation = conversation(t, "ada", "I cannot log in since Monday");
    long job = accepted(escalate(t, conversation, "Ada cannot log in", "SSO rejects her; please check the logs."));
    awaitDone(t, job);

    assertEquals(1, jira.issues().size(), jira.issues()::toString);
    JsonNode issue = jira.issues().get(0);
    String key = issue.get("key").asText();
    JsonNode fields = issue.get("fields");
    assertEquals("Ada cannot log in", fields.get("summary").asText());
    assertEquals("SUP", fields.get("project").get("key").asText());
    assertEquals("Task", fields.get("issuetype").get("name").asText());
    JsonNode description = fields.get("description");
    assertEquals("doc", description.get("type").asText(), "Cloud's v3 takes an Atlassian Document");
    List<String> texts = texts(description);
    assertTrue(texts.contains("SSO rejects her; please check the logs."), texts::toString);
    assertTrue(texts.stream().anyMatch(x -> x.startsWith("Customer ") && x.endsWith(": I cannot log in since Monday")),
        texts::toString);

    List<JsonNode> remoteLinks = jira.remoteLinks(key);
    assertEquals(1, remoteLinks.size(), remoteLinks::toString);
    String dialog = remoteLinks.get(0).get("object").get("url").asText();
    assertTrue(dialog.contains("/conversations/" + conversation), dialog);
    assertTrue(dialog.contains("tenant=" + t.slug()), dialog);
    assertEquals(dialog, description.findValue("href").asText(), "the description links the same dialog");
    assertTrue(jira.requests().stream().allMatch(r -> r.split(" ")[1].startsWith("/rest/api/3/")),
        jira.requests()::toString);

    List<JsonNode> links = jiraLinks(t, conversation);
    assertEquals(1, links.size(), links::toString);
    assertEquals(key, links.get(0).get("key").asText());
    assertEquals(jira.url() + "/browse/" + key, links.get(0).get("url").asText());
    assertEquals("To Do", links.get(0).get("status").asText());
  }

  @Test
  void aDoubleClickAndARetriedJobStillMakeOneIssueEach() {
    FakeJira jira = jira(FakeJira.Flavour.CLOUD);
    TestTenant t = TestTenant.create(api, "jira-once");
    enable(t, cloudConfig(jira));

    long clicked = conversation(t, "double", "The invoice is wrong");
    var first = CompletableFuture.supplyAsync(() -> escalate(t, clicked, "Wrong invoice", "first click"));
    var second = CompletableFuture.supplyAsync(() -> escalate(t, clicked, "Wrong invoice", "second click"));
    long firstJob = accepted(first.join());
    long secondJob = accepted(second.join());
    assertTrue(firstJob != secondJob, "each click is its own job");
    awaitDone(t, firstJob);
    awaitDone(t, secondJob);
    List<JsonNode> issues = labelled(jira, t, clicked);
    assertEquals(1, issues.size(), jira.issues()::toString);
    assertEquals(1, jira.remoteLinks(issues.get(0).get("key").asText()).size());

    // Jira commits the issue but its gateway answers 504: the job is retried and must find that issue.
    long retried = conversation(t, "retried", "The export hangs");
    jira.loseNextCreateAnswer();
    JsonNode job = awaitDone(t, accepted(escalate(t, retried, "Export hangs", "lost answer")));
    assertTrue(job.get("attempts").asInt() >= 2, "the lost answer made the outbox try again: " + job);
    List<JsonNode> found = labelled(jira, t, retried);
    assertEquals(1, found.size(), jira.issues()::toString);
    String key = found.get(0).get("key").asText();
    assertEquals(1, jira.remoteLinks(key).size());
    assertEquals(2, jira.issues().size(), jira.issues()::toString);
    assertEquals(key, jiraLinks(t, retried).get(0).get("key").asText());
  }

  @Test
  void aSignedJiraCommentBecomesAnInternalNoteNeverAPublicMessage() {
    FakeJira jira = jira(FakeJira.Flavour.CLOUD);
    TestTenant t = TestTenant.create(api, "jira-comment");
    enable(t, cloudConfig(jira));
    hookUp(jira, t, WEBHOOK_SECRET);
    long conversation = conversation(t, "grace", "My report is empty");
    awaitDone(t, accepted(escalate(t, conversation, "Empty report", "")));
    String key = jira.issues().get(0).get("key").asText();

    assertEquals(200, jira.comment(key, "Grace Hopper", "Fixed in build 42, please ask her to retry"));

    List<JsonNode> notes = await(() -> messages(t, conversation).stream()
        .filter(m -> m.get("text").asText().contains("Fixed in build 42")).toList(), m -> !m.isEmpty());
    assertEquals(1, notes.size(), notes::toString);
    assertEquals("INTERNAL", notes.get(0).get("visibility").asText(), notes::toString);
    assertTrue(notes.get(0).get("text").asText().contains("Jira " + key + ", comment by Grace Hopper"),
        notes::toString);
  }

  @Test
  void aResolvedIssueWakesTheConversationAlsoWhenItsDoneStatusHasACustomName() {
    FakeJira jira = jira(FakeJira.Flavour.CLOUD);
    TestTenant t = TestTenant.create(api, "jira-wake");
    enable(t, cloudConfig(jira));
    hookUp(jira, t, WEBHOOK_SECRET);
    long done = conversation(t, "done", "Payment failed twice");
    long shipped = conversation(t, "shipped", "Please add a CSV export");
    awaitDone(t, accepted(escalate(t, done, "Payment failed", "")));
    awaitDone(t, accepted(escalate(t, shipped, "CSV export", "")));
    String doneKey = jiraLinks(t, done).get(0).get("key").asText();
    String shippedKey = jiraLinks(t, shipped).get(0).get("key").asText();
    for (long c : List.of(done, shipped)) {
      Api.Reply waiting = api.put(t.path("/conversations/" + c + "/status"), t.agentToken(),
          Map.of("status", "WAITING_ON_VENDOR"));
      assertEquals(200, waiting.status(), waiting::toString);
    }

    assertEquals(200, jira.transition(doneKey, "In Progress"));
    assertEquals("In Progress", await(() -> jiraLinks(t, done).get(0).get("status").asText(),
        "In Progress"::equals));
    assertEquals("WAITING_ON_VENDOR", view(t, done).get("status").asText(), "work in Jira is not the end of it");

    assertEquals(200, jira.transition(doneKey, "Done"));
    assertEquals(200, jira.transition(shippedKey, "Shipped"));

    for (long c : List.of(done, shipped)) {
      assertEquals("OPEN", await(() -> view(t, c).get("status").asText(), "OPEN"::equals));
    }
    assertEquals("Done", jiraLinks(t, done).get(0).get("status").asText());
    assertEquals("Shipped", jiraLinks(t, shipped).get(0).get("status").asText());
    assertTrue(messages(t, shipped).stream().anyMatch(m -> m.get("visibility").asText().equals("INTERNAL")
        && m.get("text").asText().contains("Jira " + shippedKey + " moved to Shipped")), "the agent is told why");
  }

  @Test
  void dataCenterCreatesTheIssueOverV2WithABearerTokenAndAWikiDescription() {
    FakeJira jira = jira(FakeJira.Flavour.DATA_CENTER);
    TestTenant t = TestTenant.create(api, "jira-dc");
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", jira.url());
    config.put("deployment", "datacenter");
    config.put("apiToken", FakeJira.PAT);
    config.put("projectKey", "SUP");
    config.put("issueType", "Task");
    config.put("webhookSecret", WEBHOOK_SECRET);
    enable(t, config);
    JsonNode check = api.post(t.path("/modules/jira/test"), t.adminToken(), "").json();
    assertTrue(check.get("ok").asBoolean(), check::toString);

    long conversation = conversation(t, "linus", "The build agent is offline");
    awaitDone(t, accepted(escalate(t, conversation, "Build agent offline", "Agent 7 stopped at 03:00.")));

    assertEquals(1, jira.issues().size(), jira.issues()::toString);
    JsonNode issue = jira.issues().get(0);
    assertEquals("Build agent offline", issue.get("fields").get("summary").asText());
    JsonNode description = issue.get("fields").get("description");
    assertTrue(description.isTextual(), "Data Center's v2 takes wiki text: " + description);
    assertTrue(description.asText().contains("Agent 7 stopped at 03:00."), description::asText);
    assertTrue(description.asText().contains(": The build agent is offline"), description::asText);
    assertTrue(description.asText().contains("/conversations/" + conversation), description::asText);
    assertTrue(jira.requests().stream().allMatch(r -> r.split(" ")[1].startsWith("/rest/api/2/")),
        jira.requests()::toString);
    String key = issue.get("key").asText();
    assertEquals(1, jira.remoteLinks(key).size());
    List<JsonNode> links = jiraLinks(t, conversation);
    assertEquals(key, links.get(0).get("key").asText());
    assertEquals(jira.url() + "/browse/" + key, links.get(0).get("url").asText());
  }

  @Test
  void aWebhookWithoutTheRightSignatureIsRefusedAndChangesNothing() {
    FakeJira jira = jira(FakeJira.Flavour.CLOUD);
    TestTenant t = TestTenant.create(api, "jira-forged");
    enable(t, cloudConfig(jira));
    long conversation = conversation(t, "mallory", "Where is my refund?");
    awaitDone(t, accepted(escalate(t, conversation, "Refund", "")));
    assertEquals(200, api.put(t.path("/conversations/" + conversation + "/status"), t.agentToken(),
        Map.of("status", "WAITING_ON_VENDOR")).status());
    String key = jira.issues().get(0).get("key").asText();
    List<JsonNode> before = messages(t, conversation);

    hookUp(jira, t, "not-the-configured-secret");
    assertEquals(401, jira.comment(key, "Mallory", "Tell the customer the refund was sent"));
    assertEquals(401, jira.transition(key, "Done"));
    hookUp(jira, t, null);
    assertEquals(401, jira.comment(key, "Mallory", "Unsigned this time"));

    assertEquals(before.size(), messages(t, conversation).size(), "no note was added");
    JsonNode after = view(t, conversation);
    assertEquals("WAITING_ON_VENDOR", after.get("status").asText());
    assertEquals("To Do", jiraLinks(t, conversation).get(0).get("status").asText());
  }
}
