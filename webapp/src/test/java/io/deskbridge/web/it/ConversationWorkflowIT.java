package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DeskbridgeServer.class)
class ConversationWorkflowIT {

  static Api api;
  static TestTenant tenant;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "workflow");
  }

  private String conversation(long id, String rest) {
    return tenant.path("/conversations/" + id + rest);
  }

  @Test
  void agentRepliesAndAddsAnInternalNote() {
    long id = tenant.newConversation(api, "c-reply");
    Api.Reply reply = api.post(conversation(id, "/messages"), tenant.agentToken(),
        Map.of("text", "Hello! Checking.", "visibility", "PUBLIC"));
    assertEquals(201, reply.status(), reply::toString);
    assertEquals("AGENT", reply.json().get("authorType").asText());
    assertEquals(tenant.agentId(), reply.json().get("authorAgentId").asLong());
    Api.Reply note = api.post(conversation(id, "/messages"), tenant.agentToken(),
        Map.of("text", "Asked in #forum", "visibility", "INTERNAL"));
    assertEquals("INTERNAL", note.json().get("visibility").asText());

    JsonNode timeline = api.get(conversation(id, "/messages"), tenant.agentToken()).json().get("items");
    assertEquals(3, timeline.size());
    assertEquals("CUSTOMER", timeline.get(0).get("authorType").asText());
    assertEquals("Hello! Checking.", timeline.get(1).get("text").asText());
    assertEquals("INTERNAL", timeline.get(2).get("visibility").asText());
    JsonNode after = api.get(conversation(id, ""), tenant.agentToken()).json();
    assertEquals(reply.json().get("createdAt").asText(), after.get("lastAgentMessageAt").asText());
  }

  @Test
  void aMessageNeedsTextAndAKnownVisibility() {
    long id = tenant.newConversation(api, "c-badmsg");
    assertFieldErrors(api.post(conversation(id, "/messages"), tenant.agentToken(), Map.of("visibility", "PUBLIC")),
        "text");
    assertFieldErrors(api.post(conversation(id, "/messages"), tenant.agentToken(), Map.of("text", "x")),
        "visibility");
    assertFieldErrors(api.post(conversation(id, "/messages"), tenant.agentToken(),
        Map.of("text", "x", "visibility", "SECRET")), "visibility");
  }

  @Test
  void closingNeedsACategoryAndReopeningAsksForItAgain() {
    long id = tenant.newConversation(api, "c-close");
    JsonNode refused = assertProblem(api.post(conversation(id, "/close"), tenant.agentToken(), ""), 422,
        "category-required");
    assertEquals(id, refused.get("conversationId").asLong());
    assertEquals("OPEN", api.get(conversation(id, ""), tenant.agentToken()).json().get("status").asText());

    assertEquals(200, api.put(conversation(id, "/category"), tenant.agentToken(),
        Map.of("categoryId", tenant.categoryId())).status());
    JsonNode closed = api.post(conversation(id, "/close"), tenant.agentToken(), "").json();
    assertEquals("CLOSED", closed.get("status").asText());
    assertTrue(closed.hasNonNull("closedAt"));

    assertProblem(api.post(conversation(id, "/messages"), tenant.agentToken(),
        Map.of("text", "late", "visibility", "PUBLIC")), 422, "conversation-closed");

    JsonNode reopened = api.post(conversation(id, "/reopen"), tenant.agentToken(), "").json();
    assertEquals("OPEN", reopened.get("status").asText());
    assertTrue(reopened.get("categoryId").isNull(), "category must be chosen again");
    assertProblem(api.put(conversation(id, "/status"), tenant.agentToken(), Map.of("status", "CLOSED")), 422,
        "category-required");
  }

  @Test
  void statusAndPriorityChange() {
    long id = tenant.newConversation(api, "c-status");
    assertEquals("ON_HOLD", api.put(conversation(id, "/status"), tenant.agentToken(), Map.of("status", "ON_HOLD"))
        .json().get("status").asText());
    assertEquals("URGENT", api.put(conversation(id, "/priority"), tenant.agentToken(), Map.of("priority", "URGENT"))
        .json().get("priority").asText());
    assertFieldErrors(api.put(conversation(id, "/status"), tenant.agentToken(), Map.of("status", "LOST")), "status");
  }

  @Test
  void assignToMeAndToAColleague() {
    long id = tenant.newConversation(api, "c-assign");
    assertEquals(tenant.agentId(), api.post(conversation(id, "/assign"), tenant.agentToken(),
        Map.of("agentId", "me")).json().get("assigneeId").asLong());
    assertEquals(tenant.adminId(), api.post(conversation(id, "/assign"), tenant.agentToken(),
        Map.of("agentId", tenant.adminId())).json().get("assigneeId").asLong());
    assertProblem(api.post(conversation(id, "/assign"), tenant.agentToken(), Map.of("agentId", 987654321)), 404,
        "not-found");
    assertTrue(api.post(conversation(id, "/unassign"), tenant.agentToken(), "").json().get("assigneeId").isNull());
  }

  @Test
  void takingAConversationAColleagueTookFirstIsAConflict() {
    long id = tenant.newConversation(api, "c-taken");
    assertEquals(200, api.post(conversation(id, "/assign"), tenant.adminToken(), Map.of("agentId", "me")).status());
    JsonNode refused = assertProblem(api.post(conversation(id, "/assign"), tenant.agentToken(),
        Map.of("agentId", "me")), 409, "already-assigned");
    assertEquals(tenant.adminId(), refused.get("assigneeId").asLong());
    assertEquals(tenant.adminId(), api.get(conversation(id, ""), tenant.agentToken()).json().get("assigneeId").asLong());
    assertEquals(200, api.post(conversation(id, "/assign"), tenant.adminToken(), Map.of("agentId", "me")).status(),
        "taking one's own conversation again is fine");
    assertEquals(tenant.agentId(), api.post(conversation(id, "/assign"), tenant.adminToken(),
        Map.of("agentId", tenant.agentId())).json().get("assigneeId").asLong(), "an explicit hand-over works");
  }

  @Test
  void aChangeBasedOnAStaleVersionIsAConflictAndChangesNothing() {
    long id = tenant.newConversation(api, "c-stale");
    Api.Reply read = api.get(conversation(id, ""), tenant.agentToken());
    String etag = read.headers().firstValue("ETag").orElseThrow();
    assertEquals("\"" + read.json().get("version").asLong() + "\"", etag);

    Api.Reply colleague = api.send("POST", conversation(id, "/assign"), tenant.adminToken(),
        Map.of("Content-Type", "application/json", "If-Match", etag), "{\"agentId\":\"me\"}");
    assertEquals(200, colleague.status(), colleague::toString);
    Api.Reply mine = api.send("POST", conversation(id, "/assign"), tenant.agentToken(),
        Map.of("Content-Type", "application/json", "If-Match", etag), "{\"agentId\":\"me\"}");
    assertProblem(mine, 409, "stale-version");
    assertEquals(tenant.adminId(), api.get(conversation(id, ""), tenant.agentToken()).json().get("assigneeId").asLong());
  }

  @Test
  void linkedConversationsShowEachOther() {
    long first = tenant.newConversation(api, "c-link-a");
    long second = tenant.newConversation(api, "c-link-b");
    JsonNode linked = api.post(conversation(first, "/links"), tenant.agentToken(),
        Map.of("conversationId", second, "kind", "TRANSFERRED_TO")).json();
    assertEquals(second, linked.get("links").get(0).get("conversationId").asLong());
    JsonNode other = api.get(conversation(second, ""), tenant.agentToken()).json();
    assertEquals(first, other.get("links").get(0).get("conversationId").asLong());
    assertEquals("TRANSFERRED_FROM", other.get("links").get(0).get("kind").asText());
  }

  @Test
  void anArchivedCategoryCannotBeChosen() {
    long category = api.post(tenant.path("/categories"), tenant.adminToken(), Map.of("name", "Old topic")).id();
    api.delete(tenant.path("/categories/" + category), tenant.adminToken());
    long id = tenant.newConversation(api, "c-archived");
    assertProblem(api.put(conversation(id, "/category"), tenant.agentToken(), Map.of("categoryId", category)), 422,
        "category-archived");
  }

  @Test
  void savedReplyIsFilledForTheConversation() {
    long reply = api.post(tenant.path("/saved-replies"), tenant.adminToken(), Map.of("title", "Hi",
        "body", "Hello {{customer.name}}, I am {{agent.name}}.", "language", "en", "tags", java.util.List.of("greeting")))
        .id();
    long id = tenant.newConversation(api, "c-template");
    JsonNode rendered = api.post(tenant.path("/saved-replies/" + reply + "/render"), tenant.agentToken(),
        Map.of("conversationId", id)).json();
    assertEquals("Hello Customer c-template, I am Ivan Agent.", rendered.get("text").asText());
    JsonNode found = api.get(tenant.path("/saved-replies?q=hello&tag=greeting&language=en"), tenant.agentToken())
        .json().get("items");
    assertEquals(1, found.size());
    assertEquals(0, api.get(tenant.path("/saved-replies?q=hello&language=ru"), tenant.agentToken()).json()
        .get("items").size());
  }
}
