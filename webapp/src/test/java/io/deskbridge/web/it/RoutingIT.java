package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who gets a conversation and in which order the queue shows them: agents' departments, "our clients"
 * first (handbook 004) and round-robin assignment among online agents (handbook 001).
 */
@ExtendWith(DeskbridgeServer.class)
class RoutingIT {

  static Api api;
  static TestTenant tenant;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "routing");
  }

  @Test
  void agentDepartmentsRoundTrip() {
    long billing = department(tenant, "Billing");
    Api.Reply created = api.post(tenant.path("/agents"), tenant.adminToken(), Map.of(
        "email", "deps@" + tenant.slug() + ".test", "name", "Dora Deps", "password", TestTenant.PASSWORD,
        "roles", List.of("AGENT"), "departmentIds", List.of(billing, tenant.departmentId())));
    assertEquals(201, created.status(), created::toString);
    assertEquals(sorted(billing, tenant.departmentId()), longs(created.json().get("departmentIds")));
    long id = created.id();
    assertEquals(sorted(billing, tenant.departmentId()),
        longs(api.get(tenant.path("/agents/" + id), tenant.agentToken()).json().get("departmentIds")));

    JsonNode renamed = api.patch(tenant.path("/agents/" + id), tenant.adminToken(), Map.of("name", "Dora")).json();
    assertEquals(2, renamed.get("departmentIds").size(), "a change without departmentIds keeps them");
    assertEquals(List.of(billing), longs(api.patch(tenant.path("/agents/" + id), tenant.adminToken(),
        Map.of("departmentIds", List.of(billing))).json().get("departmentIds")));
    assertEquals(List.of(), longs(api.patch(tenant.path("/agents/" + id), tenant.adminToken(),
        Map.of("departmentIds", List.of())).json().get("departmentIds")));
    assertTrue(api.get(tenant.path("/agents"), tenant.agentToken()).json().get("items").get(0)
        .has("departmentIds"), "the team list shows departments too");
  }

  @Test
  void unknownOrForeignDepartmentsAreNotFoundAndChangeNothing() {
    long id = api.post(tenant.path("/agents"), tenant.adminToken(), Map.of(
        "email", "nodep@" + tenant.slug() + ".test", "name", "No Dep", "password", TestTenant.PASSWORD,
        "roles", List.of("AGENT"), "departmentIds", List.of(tenant.departmentId()))).id();
    TestTenant other = TestTenant.create(api, "routing-other");

    assertProblem(api.patch(tenant.path("/agents/" + id), tenant.adminToken(),
        Map.of("departmentIds", List.of(987654321L))), 404, "not-found");
    assertProblem(api.patch(tenant.path("/agents/" + id), tenant.adminToken(),
        Map.of("name", "Renamed", "departmentIds", List.of(other.departmentId()))), 404, "not-found");
    JsonNode unchanged = api.get(tenant.path("/agents/" + id), tenant.adminToken()).json();
    assertEquals(List.of(tenant.departmentId()), longs(unchanged.get("departmentIds")));
    assertEquals("No Dep", unchanged.get("name").asText());

    assertProblem(api.post(tenant.path("/agents"), tenant.adminToken(), Map.of(
        "email", "ghost@" + tenant.slug() + ".test", "name", "Ghost", "password", TestTenant.PASSWORD,
        "roles", List.of("AGENT"), "departmentIds", List.of(other.departmentId()))), 404, "not-found");
    assertFalse(api.get(tenant.path("/agents"), tenant.adminToken()).raw().contains("ghost@"),
        "a refused agent was not created");

    assertFieldErrors(api.send("PATCH", tenant.path("/agents/" + id), tenant.adminToken(),
        Map.of("Content-Type", "application/json"), "{\"departmentIds\":[null]}"), "departmentIds");
    assertFieldErrors(api.send("POST", tenant.path("/agents"), tenant.adminToken(),
        Map.of("Content-Type", "application/json"), "{\"name\":\"x\",\"departmentIds\":[null]}"),
        "email", "password", "roles", "departmentIds");
  }

  @Test
  void deletingADepartmentTakesItsAgentsOffIt() {
    long temporary = department(tenant, "Temporary");
    long id = api.post(tenant.path("/agents"), tenant.adminToken(), Map.of(
        "email", "temp@" + tenant.slug() + ".test", "name", "Tim Temp", "password", TestTenant.PASSWORD,
        "roles", List.of("AGENT"), "departmentIds", List.of(temporary, tenant.departmentId()))).id();

    assertEquals(204, api.delete(tenant.path("/departments/" + temporary), tenant.adminToken()).status());
    assertEquals(List.of(tenant.departmentId()),
        longs(api.get(tenant.path("/agents/" + id), tenant.adminToken()).json().get("departmentIds")));
  }

  @Test
  void ourClientFlagIsOnTheCard() {
    Api.Reply created = api.post(tenant.path("/customers"), tenant.agentToken(),
        Map.of("name", "Frequent Fred", "ourClient", true));
    assertEquals(201, created.status(), created::toString);
    assertTrue(created.json().get("ourClient").asBoolean());
    long id = created.id();
    assertTrue(api.patch(tenant.path("/customers/" + id), tenant.agentToken(), Map.of("name", "Fred")).json()
        .get("ourClient").asBoolean(), "a change without the flag keeps it");
    assertFalse(api.patch(tenant.path("/customers/" + id), tenant.agentToken(), Map.of("ourClient", false))
        .json().get("ourClient").asBoolean());
    assertFalse(api.post(tenant.path("/customers"), tenant.agentToken(), Map.of("name", "Nobody special"))
        .json().get("ourClient").asBoolean(), "not one of our clients unless staff say so");
  }

  @Test
  void openConversationsFollowTheCustomersFlag() {
    long open = inbound(tenant, "web", "fl-1", "flagged", "First question");
    long customer = conversation(tenant, open).get("customerId").asLong();
    assertFalse(conversation(tenant, open).get("ourClient").asBoolean());

    assertTrue(api.patch(tenant.path("/customers/" + customer), tenant.agentToken(), Map.of("ourClient", true))
        .json().get("ourClient").asBoolean());
    assertTrue(conversation(tenant, open).get("ourClient").asBoolean());
    api.patch(tenant.path("/customers/" + customer), tenant.agentToken(), Map.of("ourClient", false));
    assertFalse(conversation(tenant, open).get("ourClient").asBoolean());
    api.patch(tenant.path("/customers/" + customer), tenant.agentToken(), Map.of("ourClient", true));

    close(tenant, open);
    long next = inbound(tenant, "web", "fl-2", "flagged", "Another question");
    assertTrue(conversation(tenant, next).get("ourClient").asBoolean(),
        "the customer's next conversation is one of our client's too");
  }

  @Test
  void closedConversationsKeepTheFlagTheyWereHandledWith() {
    long closed = inbound(tenant, "web", "kept-1", "kept", "Solved long ago");
    close(tenant, closed);
    long customer = conversation(tenant, closed).get("customerId").asLong();

    api.patch(tenant.path("/customers/" + customer), tenant.agentToken(), Map.of("ourClient", true));
    assertFalse(conversation(tenant, closed).get("ourClient").asBoolean());
  }

  @Test
  void queueShowsOurClientsFirstThenPriorityThenTheLongestWaiting() {
    TestTenant q = TestTenant.create(api, "queue");
    List<Long> c = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      c.add(inbound(q, "web", "q-" + i, "q" + i, "Question " + i));
    }
    prioritize(q, c.get(3), "URGENT");
    prioritize(q, c.get(4), "LOW");
    prioritize(q, c.get(1), "HIGH");
    markAsOurClient(q, c.get(5));
    markAsOurClient(q, c.get(2));

    List<Long> expected = List.of(c.get(2), c.get(5), c.get(3), c.get(1), c.get(0), c.get(4));
    assertEquals(expected, ids(readAll(q, "&sort=queue", 100)));
    assertEquals(expected, ids(readAll(q, "&sort=QUEUE", 1)), "one page at a time gives the same queue");
    assertEquals(expected, ids(readAll(q, "&sort=queue&assignee=none&status=OPEN", 2)),
        "filters combine with the queue order");

    List<Long> newestFirst = ids(readAll(q, "", 100));
    assertEquals(newestFirst, ids(readAll(q, "&sort=updated", 2)), "sort=updated is the default order");
    assertEquals(c.get(1), newestFirst.get(0), "the default order is still newest activity first");
  }

  @Test
  void pagingThroughTheQueueVisitsEachConversationOnceInQueueOrder() {
    TestTenant q = TestTenant.create(api, "queue-pages");
    List<String> priorities = List.of("LOW", "NORMAL", "HIGH", "URGENT");
    for (int i = 0; i < 30; i++) {
      long id = inbound(q, "web", "qp-" + i, "qp" + i, "Question " + i);
      if (i % 4 != 1) {
        prioritize(q, id, priorities.get((i * 7) % 4));
      }
      if (i % 5 == 0) {
        markAsOurClient(q, id);
      }
    }

    List<JsonNode> queue = readAll(q, "&sort=queue", 100);
    assertEquals(30, queue.size());
    assertEquals(30, new java.util.HashSet<>(ids(queue)).size());
    for (int i = 1; i < queue.size(); i++) {
      assertTrue(QUEUE_ORDER.compare(queue.get(i - 1), queue.get(i)) < 0, "queue order at " + i);
    }
    assertEquals(ids(queue), ids(readAll(q, "&sort=queue", 4)));
    assertEquals(ids(queue), ids(readAll(q, "&sort=queue", 7)));
  }

  @Test
  void aCursorOnlyWorksWithTheSortItCameFrom() {
    inbound(tenant, "web", "cur-1", "cursor-1", "One");
    inbound(tenant, "web", "cur-2", "cursor-2", "Two");
    String queueNext = api.get(tenant.path("/conversations?sort=queue&limit=1"), tenant.agentToken()).json()
        .get("next").asText();
    String inboxNext = api.get(tenant.path("/conversations?limit=1"), tenant.agentToken()).json()
        .get("next").asText();

    assertFieldErrors(api.get(tenant.path("/conversations?limit=1&cursor=" + queueNext), tenant.agentToken()),
        "cursor");
    assertFieldErrors(api.get(tenant.path("/conversations?sort=updated&cursor=" + queueNext),
        tenant.agentToken()), "cursor");
    assertFieldErrors(api.get(tenant.path("/conversations?sort=queue&cursor=" + inboxNext), tenant.agentToken()),
        "cursor");
    assertEquals(200, api.get(tenant.path("/conversations?sort=queue&limit=1&cursor=" + queueNext),
        tenant.agentToken()).status());
    assertFieldErrors(api.get(tenant.path("/conversations?sort=oldest"), tenant.agentToken()), "sort");
    assertFieldErrors(api.get(tenant.path("/conversations?sort=oldest&status=LOST"), tenant.agentToken()),
        "sort", "status");
  }

  @Test
  void autoAssignmentIsOffByDefault() {
    TestTenant t = TestTenant.create(api, "rr-off");
    goOnline(t, t.agentId());

    long id = inbound(t, "web", "off-1", "off", "Hello");
    assertTrue(conversation(t, id).get("assigneeId").isNull(), "agents take conversations themselves");
  }

  @Test
  void offlineAgentsGetNoAutoAssignment() {
    TestTenant t = TestTenant.create(api, "rr-offline");
    switchOnAutoAssign(t);

    long nobodyOnline = inbound(t, "web", "on-1", "c1", "Hello");
    assertTrue(conversation(t, nobodyOnline).get("assigneeId").isNull(), "nobody online: it stays in the queue");

    goOnline(t, t.agentId());
    long agentOnline = inbound(t, "web", "on-2", "c2", "Hello");
    assertEquals(t.agentId(), conversation(t, agentOnline).get("assigneeId").asLong());
    assertTrue(api.get(t.path("/agents/" + t.agentId()), t.adminToken()).json().hasNonNull("lastAssignedAt"));

    goOffline(t, t.agentId());
    long agentAtLunch = inbound(t, "web", "on-3", "c3", "Hello");
    assertTrue(conversation(t, agentAtLunch).get("assigneeId").isNull(), "the offline agent gets nothing");
  }

  @Test
  void twoOnlineAgentsOfADepartmentTakeTurns() {
    TestTenant t = TestTenant.create(api, "rr-turns");
    long anna = agent(t, "anna", t.departmentId());
    long boris = agent(t, "boris", t.departmentId());
    goOnline(t, anna);
    goOnline(t, boris);
    switchOnAutoAssign(t);

    List<Long> assignees = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      assignees.add(conversation(t, inbound(t, "web", "turn-" + i, "turn" + i, "Hello")).get("assigneeId")
          .asLong());
    }
    assertEquals(List.of(anna, boris, anna, boris), assignees);
  }

  @Test
  void manualAssignmentsCountInTheRotation() {
    TestTenant t = TestTenant.create(api, "rr-manual");
    long anna = agent(t, "anna", t.departmentId());
    long boris = agent(t, "boris", t.departmentId());
    goOnline(t, anna);
    goOnline(t, boris);
    switchOnAutoAssign(t);
    long first = inbound(t, "web", "m-1", "m1", "Hello");
    long second = inbound(t, "web", "m-2", "m2", "Hello");
    assertEquals(anna, conversation(t, first).get("assigneeId").asLong());
    assertEquals(boris, conversation(t, second).get("assigneeId").asLong());

    Api.Reply handedOver = api.post(t.path("/conversations/" + second + "/assign"), t.adminToken(),
        Map.of("agentId", anna));
    assertEquals(anna, handedOver.json().get("assigneeId").asLong(), handedOver::toString);

    long third = inbound(t, "web", "m-3", "m3", "Hello");
    assertEquals(boris, conversation(t, third).get("assigneeId").asLong(), "Anna just got one by hand");
  }

  @Test
  void conversationsOpenedAtTheSameMomentGoToDifferentAgents() throws Exception {
    TestTenant t = TestTenant.create(api, "rr-race");
    long anna = agent(t, "anna", t.departmentId());
    long boris = agent(t, "boris", t.departmentId());
    goOnline(t, anna);
    goOnline(t, boris);
    switchOnAutoAssign(t);

    for (int round = 0; round < 3; round++) {
      List<Long> assignees = new ArrayList<>();
      for (long id : simultaneously(t, round)) {
        assignees.add(conversation(t, id).get("assigneeId").asLong());
      }
      assertEquals(java.util.Set.of(anna, boris), new java.util.HashSet<>(assignees), "round " + round);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Our clients first, then priority (highest first), then the oldest, then id: the queue's keys. */
  private static final java.util.Comparator<JsonNode> QUEUE_ORDER = java.util.Comparator
      .comparing((JsonNode c) -> !c.get("ourClient").asBoolean())
      .thenComparing(c -> -List.of("LOW", "NORMAL", "HIGH", "URGENT").indexOf(c.get("priority").asText()))
      .thenComparing(c -> java.time.Instant.parse(c.get("createdAt").asText()))
      .thenComparingLong(c -> c.get("id").asLong());

  private static List<JsonNode> readAll(TestTenant t, String query, int limit) {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Api.Reply page = api.get(t.path("/conversations?limit=" + limit + query
          + (cursor == null ? "" : "&cursor=" + cursor)), t.agentToken());
      assertEquals(200, page.status(), page::toString);
      page.json().get("items").forEach(all::add);
      cursor = page.json().get("next").isNull() ? null : page.json().get("next").asText();
      assertTrue(++pages <= 100, "pagination must end");
    } while (cursor != null);
    return all;
  }

  private static List<Long> ids(List<JsonNode> conversations) {
    return conversations.stream().map(c -> c.get("id").asLong()).toList();
  }

  private static void prioritize(TestTenant t, long id, String priority) {
    Api.Reply changed = api.put(t.path("/conversations/" + id + "/priority"), t.agentToken(),
        Map.of("priority", priority));
    assertEquals(200, changed.status(), changed::toString);
  }

  private static void markAsOurClient(TestTenant t, long conversationId) {
    long customer = conversation(t, conversationId).get("customerId").asLong();
    Api.Reply marked = api.patch(t.path("/customers/" + customer), t.agentToken(), Map.of("ourClient", true));
    assertEquals(200, marked.status(), marked::toString);
  }

  /** Two customers write at the same moment; returns the two conversations opened. */
  private static List<Long> simultaneously(TestTenant t, int round) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Long>> opened = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String customer = "race-" + round + "-" + i;
        opened.add(pool.submit(() -> {
          start.await();
          return inbound(t, "web", customer, customer, "Hello");
        }));
      }
      start.countDown();
      List<Long> ids = new ArrayList<>();
      for (java.util.concurrent.Future<Long> f : opened) {
        ids.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTransferGoesToAnOnlineAgentOfTheReceivingDepartment() {
    TestTenant t = TestTenant.create(api, "rr-transfer");
    long billing = department(t, "Billing");
    long billingAgent = agent(t, "bella", billing);
    long supportAgent = agent(t, "sam", t.departmentId());
    goOnline(t, billingAgent);
    goOnline(t, supportAgent);
    switchOnAutoAssign(t);

    long origin = t.newConversation(api, "transferred-customer");
    Api.Reply transferred = api.post(t.path("/conversations/" + origin + "/transfer"), t.agentToken(),
        Map.of("departmentId", billing));
    assertEquals(201, transferred.status(), transferred::toString);
    assertEquals(billingAgent, transferred.json().get("assigneeId").asLong(),
        "only Billing's online agent takes Billing's request");
  }

  private static void switchOnAutoAssign(TestTenant t) {
    Api.Reply changed = api.put(t.path("/rules/workflow"), t.adminToken(),
        Map.of("reopenWindow", "P7D", "autoAssign", true));
    assertEquals(200, changed.status(), changed::toString);
  }

  private static long agent(TestTenant t, String name, long departmentId) {
    Api.Reply created = api.post(t.path("/agents"), t.adminToken(), Map.of(
        "email", name + "@" + t.slug() + ".test", "name", name, "password", TestTenant.PASSWORD,
        "roles", List.of("AGENT"), "departmentIds", List.of(departmentId)));
    assertEquals(201, created.status(), created::toString);
    return created.id();
  }

  private static void goOnline(TestTenant t, long agentId) {
    setAvailability(t, agentId, "ONLINE");
  }

  private static void goOffline(TestTenant t, long agentId) {
    setAvailability(t, agentId, "OFFLINE");
  }

  private static void setAvailability(TestTenant t, long agentId, String availability) {
    Api.Reply set = api.put(t.path("/agents/" + agentId + "/availability"), t.adminToken(),
        Map.of("availability", availability));
    assertEquals(availability, set.json().get("availability").asText(), set::toString);
  }

  private static long department(TestTenant t, String name) {
    Api.Reply created = api.post(t.path("/departments"), t.adminToken(), Map.of("name", name));
    assertEquals(201, created.status(), created::toString);
    return created.id();
  }

  /** A customer message on a channel; returns the id of the conversation it landed in. */
  private static long inbound(TestTenant t, String channel, String messageId, String customer, String text) {
    ObjectNode body = Api.object();
    body.put("channel", channel).put("externalMessageId", messageId).put("text", text);
    body.putObject("customer").put("externalId", customer).put("name", "Customer " + customer);
    Api.Reply receipt = api.post(t.path("/inbound/messages"), t.agentToken(), body);
    assertEquals(201, receipt.status(), receipt::toString);
    return receipt.json().get("conversationId").asLong();
  }

  private static void close(TestTenant t, long id) {
    api.put(t.path("/conversations/" + id + "/category"), t.agentToken(), Map.of("categoryId", t.categoryId()));
    Api.Reply closed = api.post(t.path("/conversations/" + id + "/close"), t.agentToken(), "");
    assertEquals("CLOSED", closed.json().get("status").asText(), closed::toString);
  }

  private static JsonNode conversation(TestTenant t, long id) {
    Api.Reply reply = api.get(t.path("/conversations/" + id), t.agentToken());
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asLong()));
    return values;
  }

  private static List<Long> sorted(long... values) {
    return java.util.Arrays.stream(values).sorted().boxed().toList();
  }
}
