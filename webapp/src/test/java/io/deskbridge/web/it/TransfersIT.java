package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Handbook 001, transfers and linked tickets: transfer reasons, a transfer to an adjacent department
 * (two cross-linked requests, an interim answer when the reason asks for one), and closing a
 * customer's duplicate conversation with a trace.
 */
@ExtendWith(DeskbridgeServer.class)
class TransfersIT {

  private static final String PASSED_ON = "Your request is passed on to our billing team; we will write to you.";

  static Api api;
  static TestTenant tenant;
  static long billing;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "transfers");
    billing = api.post(tenant.path("/departments"), tenant.adminToken(), Map.of("name", "Billing")).id();
  }

  // ---- transfer reasons ----

  @Test
  void adminsDefineTransferReasonsAndAgentsChooseFromThem() {
    Api.Reply created = api.post(reasons(""), tenant.adminToken(),
        Map.of("name", "  Refunds  ", "customerMessage", PASSED_ON));
    assertEquals(201, created.status(), created::toString);
    long id = created.id();
    assertTrue(created.headers().firstValue("Location").orElse("")
        .endsWith("/api/v1/tenants/" + tenant.slug() + "/transfer-reasons/" + id), created::toString);
    assertEquals("Refunds", created.json().get("name").asText());
    assertEquals(PASSED_ON, created.json().get("customerMessage").asText());
    assertFalse(created.json().get("archived").asBoolean());

    JsonNode silent = api.post(reasons(""), tenant.adminToken(), Map.of("name", "Second line", "customerMessage", " "))
        .json();
    assertTrue(silent.get("customerMessage").isNull(), "a blank message means the customer is told nothing");

    List<String> seenByAgent = names(api.get(reasons(""), tenant.agentToken()));
    assertTrue(seenByAgent.containsAll(List.of("Refunds", "Second line")), seenByAgent::toString);

    JsonNode renamed = api.put(reasons("/" + id), tenant.adminToken(), Map.of("name", "Refunds and returns")).json();
    assertEquals("Refunds and returns", renamed.get("name").asText());
    assertTrue(renamed.get("customerMessage").isNull(), "no message given: the reason no longer sends one");
    assertEquals("Refunds and returns", api.get(reasons("/" + id), tenant.agentToken()).json().get("name").asText());
  }

  @Test
  void aReasonNeedsAShortUniqueName() {
    assertFieldErrors(api.post(reasons(""), tenant.adminToken(), Map.of("customerMessage", "x".repeat(2001))),
        "name", "customerMessage");
    assertFieldErrors(api.post(reasons(""), tenant.adminToken(), Map.of("name", "n".repeat(101))), "name");
    long id = api.post(reasons(""), tenant.adminToken(), Map.of("name", "Legal")).id();
    assertProblem(api.post(reasons(""), tenant.adminToken(), Map.of("name", "LEGAL")), 409, "duplicate-name");
    long other = api.post(reasons(""), tenant.adminToken(), Map.of("name", "Compliance")).id();
    assertProblem(api.put(reasons("/" + other), tenant.adminToken(), Map.of("name", "legal")), 409, "duplicate-name");
    assertFieldErrors(api.put(reasons("/" + id), tenant.adminToken(), Map.of("name", "")), "name");
    assertEquals("Legal", api.get(reasons("/" + id), tenant.agentToken()).json().get("name").asText());
    assertProblem(api.put(reasons("/987654321"), tenant.adminToken(), Map.of("name", "Gone")), 404, "not-found");
  }

  @Test
  void onlyAdminsChangeTransferReasons() {
    long id = api.post(reasons(""), tenant.adminToken(), Map.of("name", "Sales")).id();
    assertProblem(api.post(reasons(""), tenant.agentToken(), Map.of("name", "Agent's own")), 403, "forbidden");
    assertProblem(api.put(reasons("/" + id), tenant.agentToken(), Map.of("name", "Renamed")), 403, "forbidden");
    assertProblem(api.delete(reasons("/" + id), tenant.agentToken()), 403, "forbidden");
    assertFalse(names(api.get(reasons(""), tenant.agentToken())).contains("Agent's own"));
    assertEquals("Sales", api.get(reasons("/" + id), tenant.agentToken()).json().get("name").asText());
  }

  @Test
  void anUnusedReasonIsDeletedAndAUsedOneArchived() {
    long unused = api.post(reasons(""), tenant.adminToken(), Map.of("name", "Typo")).id();
    assertEquals(204, api.delete(reasons("/" + unused), tenant.adminToken()).status());
    assertProblem(api.get(reasons("/" + unused), tenant.agentToken()), 404, "not-found");
    assertEquals(201, api.post(reasons(""), tenant.adminToken(), Map.of("name", "Typo")).status(),
        "a deleted reason's name is free again");

    long used = api.post(reasons(""), tenant.adminToken(), Map.of("name", "Old process")).id();
    long origin = tenant.newConversation(api, "t-archived");
    assertEquals(201, transfer(origin, tenant.agentToken(), Map.of("departmentId", billing, "reasonId", used)).status());
    assertEquals(204, api.delete(reasons("/" + used), tenant.adminToken()).status());

    assertTrue(api.get(reasons("/" + used), tenant.agentToken()).json().get("archived").asBoolean());
    assertFalse(names(api.get(reasons(""), tenant.agentToken())).contains("Old process"),
        "archived reasons are not offered");
    assertTrue(names(api.get(reasons("?includeArchived=true"), tenant.agentToken())).contains("Old process"));
    long another = tenant.newConversation(api, "t-archived-2");
    assertProblem(transfer(another, tenant.agentToken(), Map.of("departmentId", billing, "reasonId", used)), 422,
        "transfer-reason-archived");
    assertEquals(List.of(), links(another), "a refused transfer leaves nothing behind");
  }

  // ---- transfer to a department ----

  @Test
  void aTransferOpensALinkedRequestForTheDepartmentAndTellsTheCustomer() {
    long reason = api.post(reasons(""), tenant.adminToken(),
        Map.of("name", "Double charge", "customerMessage", PASSED_ON)).id();
    long origin = tenant.newConversation(api, "t-linked");
    JsonNode before = api.post(conversation(origin, "/assign"), tenant.agentToken(), Map.of("agentId", "me")).json();

    Api.Reply transferred = transfer(origin, tenant.agentToken(),
        Map.of("departmentId", billing, "reasonId", reason, "note", "Charged twice on 3 May, card ending 4242"));

    assertEquals(201, transferred.status(), transferred::toString);
    JsonNode request = transferred.json();
    long requestId = request.get("id").asLong();
    assertNotEquals(origin, requestId);
    assertTrue(transferred.headers().firstValue("Location").orElse("")
        .endsWith("/api/v1/tenants/" + tenant.slug() + "/conversations/" + requestId), transferred::toString);
    assertEquals(billing, request.get("departmentId").asLong());
    assertEquals(before.get("customerId").asLong(), request.get("customerId").asLong());
    assertEquals("transfer", request.get("channel").asText());
    assertEquals("OPEN", request.get("status").asText());
    assertTrue(request.get("assigneeId").isNull(), "the department's queue takes it");
    assertEquals(List.of(origin + " TRANSFERRED_FROM"), links(requestId));

    JsonNode originAfter = api.get(conversation(origin, ""), tenant.agentToken()).json();
    assertEquals(List.of(requestId + " TRANSFERRED_TO"), links(origin));
    assertEquals("OPEN", originAfter.get("status").asText());
    assertEquals(tenant.agentId(), originAfter.get("assigneeId").asLong(), "the origin stays with its agent");
    assertTrue(originAfter.get("departmentId").isNull(), "the origin does not move");

    JsonNode notes = timeline(requestId);
    assertEquals(1, notes.size(), notes::toString);
    JsonNode briefing = notes.get(0);
    assertEquals("INTERNAL", briefing.get("visibility").asText());
    assertEquals(tenant.agentId(), briefing.get("authorAgentId").asLong(), "says who transferred it");
    String text = briefing.get("text").asText();
    assertTrue(text.contains("#" + origin), text);
    assertTrue(text.contains("Double charge"), text);
    assertTrue(text.contains("Charged twice on 3 May, card ending 4242"), text);

    List<String> customerSees = texts(transcript(origin));
    assertEquals(List.of("Hello", PASSED_ON), customerSees);
    JsonNode interim = transcript(origin).get(1);
    assertEquals("AGENT", interim.get("authorType").asText());
    assertEquals(tenant.agentId(), interim.get("authorAgentId").asLong());
    assertEquals(List.of(), texts(transcript(requestId)), "nothing for the customer in the department's request");
  }

  @Test
  void theCustomerKeepsWritingIntoTheOrigin() {
    long origin = tenant.newConversation(api, "t-next");
    long requestId = transfer(origin, tenant.agentToken(), Map.of("departmentId", billing)).id();

    Api.Reply next = tenant.inbound(api, tenant.agentToken(), "t-next-2", "t-next", "Any news?");

    assertEquals(201, next.status(), next::toString);
    assertEquals(origin, next.json().get("conversationId").asLong());
    assertEquals(List.of("Hello", "Any news?"), texts(transcript(origin)));
    assertFalse(texts(timeline(requestId)).contains("Any news?"));
  }

  @Test
  void aReasonWithoutCustomerMessageSendsTheCustomerNothing() {
    long silent = api.post(reasons(""), tenant.adminToken(), Map.of("name", "Internal check")).id();
    long origin = tenant.newConversation(api, "t-silent");
    long requestId = transfer(origin, tenant.agentToken(), Map.of("departmentId", billing, "reasonId", silent)).id();
    long unexplained = tenant.newConversation(api, "t-no-reason");
    long otherRequest = transfer(unexplained, tenant.agentToken(), Map.of("departmentId", billing)).id();

    assertEquals(List.of("Hello"), texts(transcript(origin)));
    assertEquals(List.of("Hello"), texts(transcript(unexplained)));
    assertTrue(api.get(conversation(origin, ""), tenant.agentToken()).json().get("lastAgentMessageAt").isNull());
    assertTrue(texts(timeline(requestId)).get(0).contains("Internal check"));
    assertTrue(texts(timeline(otherRequest)).get(0).contains("#" + unexplained));
  }

  @Test
  void anIntegrationsTransferIsAnnouncedByTheSystem() {
    String key = api.post(tenant.path("/api-keys"), tenant.adminToken(), Map.of("name", "CRM", "scope", "FULL"))
        .json().get("key").asText();
    long reason = api.post(reasons(""), tenant.adminToken(),
        Map.of("name", "From CRM", "customerMessage", "Passed on by our system.")).id();
    long origin = tenant.newConversation(api, "t-key");

    long requestId = transfer(origin, key, Map.of("departmentId", billing, "reasonId", reason)).id();

    assertEquals("SYSTEM", timeline(requestId).get(0).get("authorType").asText());
    JsonNode interim = transcript(origin).get(1);
    assertEquals("SYSTEM", interim.get("authorType").asText());
    assertEquals("Passed on by our system.", interim.get("text").asText());
  }

  @Test
  void aTransferIsRefusedForUnknownTargetsAndClosedConversations() {
    long origin = tenant.newConversation(api, "t-refused");
    assertFieldErrors(transfer(origin, tenant.agentToken(), Map.of("note", "where to?")), "departmentId");
    assertProblem(transfer(origin, tenant.agentToken(), Map.of("departmentId", 987654321)), 404, "not-found");
    assertProblem(transfer(origin, tenant.agentToken(), Map.of("departmentId", billing, "reasonId", 987654321)),
        404, "not-found");
    assertProblem(transfer(987654321, tenant.agentToken(), Map.of("departmentId", billing)), 404, "not-found");
    assertEquals(List.of(), links(origin));

    api.put(conversation(origin, "/category"), tenant.agentToken(), Map.of("categoryId", tenant.categoryId()));
    assertEquals("CLOSED", api.post(conversation(origin, "/close"), tenant.agentToken(), "").json()
        .get("status").asText());
    JsonNode refused = assertProblem(transfer(origin, tenant.agentToken(), Map.of("departmentId", billing)), 422,
        "conversation-closed");
    assertEquals(origin, refused.get("conversationId").asLong());
    assertEquals(List.of(), links(origin));
  }

  @Test
  void anotherTenantsDepartmentsReasonsAndConversationsAreNotFound() {
    TestTenant other = TestTenant.create(api, "transfers-other");
    long othersReason = api.post(other.path("/transfer-reasons"), other.adminToken(), Map.of("name", "Theirs")).id();
    long othersConversation = other.newConversation(api, "t-theirs");
    long ours = tenant.newConversation(api, "t-ours");

    assertProblem(transfer(ours, tenant.agentToken(), Map.of("departmentId", other.departmentId())), 404, "not-found");
    assertProblem(transfer(ours, tenant.agentToken(), Map.of("departmentId", billing, "reasonId", othersReason)),
        404, "not-found");
    assertProblem(api.get(reasons("/" + othersReason), tenant.agentToken()), 404, "not-found");
    assertProblem(api.delete(reasons("/" + othersReason), tenant.adminToken()), 404, "not-found");
    assertProblem(api.post(conversation(ours, "/close-as-duplicate"), tenant.agentToken(),
        Map.of("keptConversationId", othersConversation)), 404, "not-found");
    assertFalse(names(api.get(reasons(""), tenant.agentToken())).contains("Theirs"));
    assertEquals("Theirs", api.get(other.path("/transfer-reasons/" + othersReason), other.agentToken()).json()
        .get("name").asText());
  }

  // ---- duplicates ----

  @Test
  void aDuplicateIsClosedWithATraceOfWhereTheCustomerIsAnswered() {
    long[] pair = twoOpenConversationsOf("t-dup");
    long kept = pair[0];
    long duplicate = pair[1];

    Api.Reply closed = api.post(conversation(duplicate, "/close-as-duplicate"), tenant.agentToken(),
        Map.of("keptConversationId", kept));

    assertEquals(200, closed.status(), closed::toString);
    assertEquals("CLOSED", closed.json().get("status").asText());
    assertEquals(List.of(kept + " DUPLICATE_OF"), links(duplicate));
    assertTrue(links(kept).contains(duplicate + " RELATED"), () -> links(kept).toString());
    assertEquals("OPEN", api.get(conversation(kept, ""), tenant.agentToken()).json().get("status").asText());
    JsonNode trace = last(timeline(duplicate));
    assertEquals("INTERNAL", trace.get("visibility").asText());
    assertEquals("Closed as a duplicate of #" + kept + ".", trace.get("text").asText());
    assertEquals(tenant.agentId(), trace.get("authorAgentId").asLong());
    assertFalse(texts(transcript(duplicate)).contains(trace.get("text").asText()), "the customer never sees it");
    assertProblem(api.post(conversation(duplicate, "/close-as-duplicate"), tenant.agentToken(),
        Map.of("keptConversationId", kept)), 422, "conversation-closed");
  }

  @Test
  void anAssignedDuplicateIsNotClosed() {
    long[] pair = twoOpenConversationsOf("t-dup-assigned");
    api.post(conversation(pair[1], "/assign"), tenant.agentToken(), Map.of("agentId", "me"));

    JsonNode refused = assertProblem(api.post(conversation(pair[1], "/close-as-duplicate"), tenant.agentToken(),
        Map.of("keptConversationId", pair[0])), 422, "duplicate-assigned");

    assertEquals(pair[1], refused.get("conversationId").asLong());
    assertEquals("OPEN", api.get(conversation(pair[1], ""), tenant.agentToken()).json().get("status").asText());
    assertEquals(List.of(), links(pair[1]));
    api.post(conversation(pair[1], "/unassign"), tenant.agentToken(), "");
    assertEquals("CLOSED", api.post(conversation(pair[1], "/close-as-duplicate"), tenant.agentToken(),
        Map.of("keptConversationId", pair[0])).json().get("status").asText(), "once back in the queue it may");
  }

  @Test
  void onlyAnotherConversationOfTheSameCustomerIsADuplicate() {
    long mine = tenant.newConversation(api, "t-dup-mine");
    long someoneElses = tenant.newConversation(api, "t-dup-theirs");

    assertProblem(api.post(conversation(mine, "/close-as-duplicate"), tenant.agentToken(),
        Map.of("keptConversationId", someoneElses)), 422, "not-a-duplicate");
    assertProblem(api.post(conversation(mine, "/close-as-duplicate"), tenant.agentToken(),
        Map.of("keptConversationId", mine)), 422, "not-a-duplicate");
    assertFieldErrors(api.post(conversation(mine, "/close-as-duplicate"), tenant.agentToken(), Map.of()),
        "keptConversationId");
    assertProblem(api.post(conversation(mine, "/close-as-duplicate"), tenant.agentToken(),
        Map.of("keptConversationId", 987654321)), 404, "not-found");
    assertEquals("OPEN", api.get(conversation(mine, ""), tenant.agentToken()).json().get("status").asText());
    assertEquals(List.of(), links(someoneElses));
  }

  /**
   * The customer's first conversation was closed, they wrote again (a second conversation in the
   * queue, since this tenant reopens nothing by itself), and then the first was reopened: two open
   * conversations of one customer.
   */
  private static long[] twoOpenConversationsOf(String customer) {
    assertEquals(200, api.put(tenant.path("/rules/workflow"), tenant.adminToken(), Map.of("reopenWindow", "PT0S"))
        .status());
    long first = tenant.newConversation(api, customer);
    api.put(conversation(first, "/category"), tenant.agentToken(), Map.of("categoryId", tenant.categoryId()));
    assertEquals(200, api.post(conversation(first, "/close"), tenant.agentToken(), "").status());
    Api.Reply again = tenant.inbound(api, tenant.agentToken(), customer + "-again", customer, "Hello again?");
    long second = again.json().get("conversationId").asLong();
    assertNotEquals(first, second);
    assertEquals(200, api.post(conversation(first, "/reopen"), tenant.agentToken(), "").status());
    return new long[] {first, second};
  }

  private static Api.Reply transfer(long id, String token, Map<String, Object> body) {
    return api.post(conversation(id, "/transfer"), token, new HashMap<>(body));
  }

  private static String reasons(String rest) {
    return tenant.path("/transfer-reasons" + rest);
  }

  private static String conversation(long id, String rest) {
    return tenant.path("/conversations/" + id + rest);
  }

  private static JsonNode timeline(long id) {
    return api.get(conversation(id, "/messages"), tenant.agentToken()).json().get("items");
  }

  /** What the customer's channel reads back: public messages only. */
  private static JsonNode transcript(long id) {
    return api.get(tenant.path("/inbound/conversations/" + id + "/messages"), tenant.agentToken()).json()
        .get("items");
  }

  /** The conversation's links as "relatedId KIND". */
  private static List<String> links(long id) {
    List<String> links = new ArrayList<>();
    api.get(conversation(id, ""), tenant.agentToken()).json().get("links")
        .forEach(l -> links.add(l.get("conversationId").asLong() + " " + l.get("kind").asText()));
    return links;
  }

  private static List<String> names(Api.Reply list) {
    assertEquals(200, list.status(), list::toString);
    List<String> names = new ArrayList<>();
    list.json().get("items").forEach(r -> names.add(r.get("name").asText()));
    return names;
  }

  private static List<String> texts(JsonNode messages) {
    List<String> texts = new ArrayList<>();
    messages.forEach(m -> texts.add(m.get("text").asText()));
    return texts;
  }

  private static JsonNode last(JsonNode items) {
    return items.get(items.size() - 1);
  }
}
