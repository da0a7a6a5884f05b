package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For every tenant-scoped endpoint, tenant A's admin token aimed at tenant B's ids gets 404 (never
 * 403, never data), both through B's path and through A's own path, and B's data is unchanged.
 */
@ExtendWith(DeskbridgeServer.class)
class CrossTenantIsolationIT {

  static Api api;
  static TestTenant a;
  static TestTenant b;
  static long bConversation;
  static long bCustomer;
  static long bNote;
  static long bReply;
  static long bKey;
  static long bAttachment;
  static long aConversation;
  static String bSnapshot;

  record Call(String method, String path, Object body) {}

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    a = TestTenant.create(api, "tenant-a");
    b = TestTenant.create(api, "tenant-b");
    aConversation = a.newConversation(api, "a-customer");
    ObjectNode inbound = Api.object().put("channel", "api").put("externalMessageId", "b-1").put("text", "B's secret");
    inbound.putObject("customer").put("externalId", "b-customer").put("email", "b@b.test");
    inbound.putArray("attachments").addObject().put("name", "b.txt")
        .put("data", Base64.getEncoder().encodeToString("B only".getBytes()));
    JsonNode receipt = api.post(b.path("/inbound/messages"), b.agentToken(), inbound).json();
    bConversation = receipt.get("conversationId").asLong();
    bCustomer = receipt.get("customerId").asLong();
    bAttachment = api.get(b.path("/conversations/" + bConversation + "/messages"), b.agentToken()).json()
        .get("items").get(0).get("attachments").get(0).get("id").asLong();
    bNote = api.post(b.path("/customers/" + bCustomer + "/notes"), b.agentToken(), Map.of("text", "VIP")).id();
    bReply = api.post(b.path("/saved-replies"), b.adminToken(),
        Map.of("title", "B", "body", "B body", "language", "en")).id();
    bKey = api.post(b.path("/api-keys"), b.adminToken(), Map.of("name", "B key", "scope", "FULL")).id();
    bSnapshot = snapshotOfB();
  }

  /** Every endpoint that takes an id, aimed at B's objects. */
  static List<Call> callsOnBsIds() {
    String c = "/conversations/" + bConversation;
    String cu = "/customers/" + bCustomer;
    List<Call> calls = new ArrayList<>(List.of(
        new Call("GET", c, null),
        new Call("GET", c + "/messages", null),
        new Call("POST", c + "/messages", Map.of("text", "x", "visibility", "PUBLIC")),
        new Call("POST", c + "/messages", Map.of("text", "x", "visibility", "INTERNAL")),
        new Call("POST", c + "/assign", Map.of("agentId", "me")),
        new Call("POST", c + "/unassign", ""),
        new Call("PUT", c + "/category", Map.of("categoryId", b.categoryId())),
        new Call("PUT", c + "/status", Map.of("status", "ON_HOLD")),
        new Call("PUT", c + "/priority", Map.of("priority", "URGENT")),
        new Call("PUT", c + "/department", Map.of("departmentId", b.departmentId())),
        new Call("POST", c + "/close", ""),
        new Call("POST", c + "/reopen", ""),
        new Call("POST", c + "/links", Map.of("conversationId", bConversation)),
        new Call("GET", c + "/attachments/" + bAttachment, null),
        new Call("POST", c + "/complaint", ""),
        new Call("POST", c + "/complaint/steps", Map.of("step", "THANKED")),
        new Call("PUT", c + "/callback", Map.of("phone", "+79990000000", "preferredAt", "2026-12-01T10:00:00Z")),
        new Call("DELETE", c + "/callback", null),
        new Call("GET", c + "/actions", null),
        new Call("GET", "/inbound/conversations/" + bConversation + "/messages", null),
        new Call("GET", "/inbound/conversations/" + bConversation + "/attachments/" + bAttachment, null),
        new Call("GET", cu, null),
        new Call("PATCH", cu, Map.of("name", "Hacked")),
        new Call("DELETE", cu, null),
        new Call("POST", cu + "/tags", Map.of("tags", List.of("x"))),
        new Call("DELETE", cu + "/tags/x", null),
        new Call("GET", cu + "/notes", null),
        new Call("POST", cu + "/notes", Map.of("text", "x")),
        new Call("DELETE", cu + "/notes/" + bNote, null),
        new Call("GET", "/agents/" + b.agentId(), null),
        new Call("PATCH", "/agents/" + b.agentId(), Map.of("name", "Hacked")),
        new Call("PUT", "/agents/" + b.agentId() + "/availability", Map.of("availability", "ONLINE")),
        new Call("PUT", "/agents/" + b.agentId() + "/password", Map.of("password", "hacked-password")),
        new Call("DELETE", "/agents/" + b.agentId(), null),
        new Call("GET", "/departments/" + b.departmentId(), null),
        new Call("PUT", "/departments/" + b.departmentId(), Map.of("name", "Hacked")),
        new Call("DELETE", "/departments/" + b.departmentId(), null),
        new Call("GET", "/categories/" + b.categoryId(), null),
        new Call("PUT", "/categories/" + b.categoryId(), Map.of("name", "Hacked")),
        new Call("DELETE", "/categories/" + b.categoryId(), null),
        new Call("GET", "/saved-replies/" + bReply, null),
        new Call("PUT", "/saved-replies/" + bReply, Map.of("title", "H", "body", "H", "language", "en")),
        new Call("DELETE", "/saved-replies/" + bReply, null),
        new Call("POST", "/saved-replies/" + bReply + "/render", Map.of()),
        new Call("DELETE", "/api-keys/" + bKey, null)));
    // A's own objects pointing at B's: a category, a department, an agent, a link target.
    String ac = "/conversations/" + aConversation;
    calls.add(new Call("PUT", ac + "/category", Map.of("categoryId", b.categoryId())));
    calls.add(new Call("PUT", ac + "/department", Map.of("departmentId", b.departmentId())));
    calls.add(new Call("POST", ac + "/assign", Map.of("agentId", b.agentId())));
    calls.add(new Call("POST", ac + "/links", Map.of("conversationId", bConversation)));
    return calls;
  }

  @TestFactory
  Stream<DynamicTest> tenantAsTokenOnTenantBsPathIs404() {
    return callsOnBsIds().stream().map(call -> DynamicTest.dynamicTest(call.method() + " B" + call.path(), () ->
        assertNotFound(send(call, b.path(call.path())))));
  }

  @TestFactory
  Stream<DynamicTest> tenantAsTokenOnItsOwnPathWithBsIdsIs404() {
    return callsOnBsIds().stream().map(call -> DynamicTest.dynamicTest(call.method() + " A" + call.path(), () ->
        assertNotFound(send(call, a.path(call.path())))));
  }

  @Test
  void listsNeverShowAnotherTenantsRows() {
    JsonNode byCustomer = api.get(a.path("/conversations?customer=" + bCustomer), a.adminToken()).json();
    assertEquals(0, byCustomer.get("items").size());
    JsonNode customers = api.get(a.path("/customers?q=b@b.test"), a.adminToken()).json();
    assertEquals(0, customers.get("items").size());
    assertFalse(api.get(a.path("/conversations"), a.adminToken()).raw().contains("B's secret"));
  }

  @Test
  void inboundWithAnotherTenantsCustomerIdentityCreatesASeparateCustomer() {
    JsonNode receipt = a.inbound(api, a.agentToken(), "b-1", "b-customer", "same ids as in B").json();
    assertFalse(receipt.get("customerId").asLong() == bCustomer);
    assertFalse(receipt.get("conversationId").asLong() == bConversation);
  }

  @Test
  void tenantBIsUnchangedAfterEveryAttempt() {
    callsOnBsIds().forEach(call -> {
      send(call, b.path(call.path()));
      send(call, a.path(call.path()));
    });
    assertEquals(bSnapshot, snapshotOfB());
  }

  private static Api.Reply send(Call call, String path) {
    return switch (call.method()) {
      case "GET" -> api.get(path, a.adminToken());
      case "DELETE" -> api.delete(path, a.adminToken());
      case "POST" -> api.post(path, a.adminToken(), call.body());
      case "PUT" -> api.put(path, a.adminToken(), call.body());
      case "PATCH" -> api.patch(path, a.adminToken(), call.body());
      default -> throw new IllegalArgumentException(call.method());
    };
  }

  private static void assertNotFound(Api.Reply reply) {
    assertProblem(reply, 404, "not-found");
    assertFalse(reply.raw().contains("B's secret") || reply.raw().contains("b@b.test"), reply::toString);
  }

  /** Everything B's staff can see of the objects under attack, as one comparable string. */
  private static String snapshotOfB() {
    String t = b.agentToken();
    String admin = b.adminToken();
    // The SLA timers are evaluated at each read (remaining time), so they are left out; the stored
    // conversation is all there.
    com.fasterxml.jackson.databind.node.ObjectNode conversation =
        (com.fasterxml.jackson.databind.node.ObjectNode) api.get(b.path("/conversations/" + bConversation), t).json();
    conversation.remove("sla");
    return String.join("\n",
        conversation.toString(),
        api.get(b.path("/conversations/" + bConversation + "/messages"), t).raw(),
        api.get(b.path("/customers/" + bCustomer), t).raw(),
        api.get(b.path("/customers/" + bCustomer + "/notes"), t).raw(),
        api.get(b.path("/agents"), t).raw(),
        api.get(b.path("/departments"), t).raw(),
        api.get(b.path("/categories?includeArchived=true"), t).raw(),
        api.get(b.path("/saved-replies"), t).raw(),
        api.get(b.path("/api-keys"), admin).raw(),
        Integer.toString(TestTenant.login(api, b.slug(), "agent@" + b.slug() + ".test", TestTenant.PASSWORD).status()));
  }
}
