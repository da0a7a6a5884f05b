package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DeskbridgeServer.class)
class TeamAndCustomersIT {

  static Api api;
  static TestTenant tenant;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "team");
  }

  @Test
  void agentGoesOnlineButCannotChangeAColleague() {
    JsonNode online = api.put(tenant.path("/agents/" + tenant.agentId() + "/availability"), tenant.agentToken(),
        Map.of("availability", "ONLINE")).json();
    assertEquals("ONLINE", online.get("availability").asText());
    assertProblem(api.put(tenant.path("/agents/" + tenant.adminId() + "/availability"), tenant.agentToken(),
        Map.of("availability", "OFFLINE")), 403, "forbidden");
    assertEquals("OFFLINE", api.put(tenant.path("/agents/" + tenant.agentId() + "/availability"),
        tenant.adminToken(), Map.of("availability", "OFFLINE")).json().get("availability").asText());
  }

  @Test
  void adminChangesRolesWithIfMatch() {
    long id = api.post(tenant.path("/agents"), tenant.adminToken(), Map.of("email", "int@" + tenant.slug() + ".test",
        "name", "Integrator", "password", TestTenant.PASSWORD, "roles", List.of("AGENT"))).id();
    Api.Reply read = api.get(tenant.path("/agents/" + id), tenant.adminToken());
    String etag = read.headers().firstValue("ETag").orElseThrow();
    Api.Reply changed = api.send("PATCH", tenant.path("/agents/" + id), tenant.adminToken(),
        Map.of("Content-Type", "application/json", "If-Match", etag), "{\"roles\":[\"INTEGRATOR\",\"AGENT\"]}");
    assertEquals(List.of("AGENT", "INTEGRATOR"), List.of(changed.json().get("roles").get(0).asText(),
        changed.json().get("roles").get(1).asText()));
    assertProblem(api.send("PATCH", tenant.path("/agents/" + id), tenant.adminToken(),
        Map.of("Content-Type", "application/json", "If-Match", etag), "{\"name\":\"Late\"}"), 409, "stale-version");
    String integrator = TestTenant.login(api, tenant.slug(), "int@" + tenant.slug() + ".test", TestTenant.PASSWORD)
        .json().get("token").asText();
    assertEquals(201, api.post(tenant.path("/api-keys"), integrator, Map.of("name", "CRM", "scope", "FULL")).status());
    assertProblem(api.post(tenant.path("/departments"), integrator, Map.of("name", "Nope")), 403, "forbidden");
  }

  @Test
  void fullScopeKeyWorksConversationsAsTheTenant() {
    String key = api.post(tenant.path("/api-keys"), tenant.adminToken(), Map.of("name", "Bot", "scope", "FULL"))
        .json().get("key").asText();
    long id = tenant.newConversation(api, "full-key");
    Api.Reply reply = api.post(tenant.path("/conversations/" + id + "/messages"), key,
        Map.of("text", "Automated answer", "visibility", "PUBLIC"));
    assertEquals("SYSTEM", reply.json().get("authorType").asText());
    assertProblem(api.post(tenant.path("/conversations/" + id + "/assign"), key, Map.of("agentId", "me")), 403,
        "forbidden");
  }

  @Test
  void customerCardShowsContactsPlanLtvTagsAndStaffNotes() {
    Api.Reply created = api.post(tenant.path("/customers"), tenant.agentToken(), Map.of("name", "Olga",
        "phone", "+7 (999) 123-45-67", "language", "ru", "accountId", "ACC-42", "plan", "Premium",
        "ltv", Map.of("amount", "1250.5", "currency", "USD"), "tags", List.of("Our client"),
        "attributes", Map.of("city", "Kazan")));
    assertEquals(201, created.status(), created::toString);
    JsonNode card = created.json();
    assertTrue(card.get("emailMissing").asBoolean(), "the card tells the agent to ask for the email");
    assertEquals("1250.50", card.get("ltv").get("amount").asText());
    assertEquals("our client", card.get("tags").get(0).asText());
    assertEquals("Kazan", card.get("attributes").get("city").asText());

    long id = card.get("id").asLong();
    JsonNode updated = api.patch(tenant.path("/customers/" + id), tenant.agentToken(),
        Map.of("email", "olga@example.test")).json();
    assertTrue(!updated.get("emailMissing").asBoolean());
    assertEquals("Premium", updated.get("plan").asText());

    api.post(tenant.path("/customers/" + id + "/notes"), tenant.agentToken(), Map.of("text", "Prefers calls"));
    JsonNode notes = api.get(tenant.path("/customers/" + id + "/notes"), tenant.agentToken()).json().get("items");
    assertEquals("Prefers calls", notes.get(0).get("text").asText());
    assertEquals(tenant.agentId(), notes.get(0).get("authorId").asLong());

    assertEquals(List.of(id), ids("?tag=OUR%20CLIENT"));
    assertEquals(List.of(id), ids("?q=olga"));
    assertEquals(List.of(id), ids("?email=OLGA@example.test"));
    assertEquals(List.of(), ids("?q=nobody-like-this"));
    assertTrue(api.delete(tenant.path("/customers/" + id + "/tags/our%20client"), tenant.agentToken()).json()
        .get("tags").isEmpty());
  }

  @Test
  void badCustomerFieldsAreNamed() {
    assertFieldErrors(api.post(tenant.path("/customers"), tenant.agentToken(), Map.of("language", "de")),
        "language");
    assertFieldErrors(api.post(tenant.path("/customers"), tenant.agentToken(), Map.of("email", "nope",
        "phone", "call me")), "email", "phone");
    assertFieldErrors(api.post(tenant.path("/customers"), tenant.agentToken(),
        Map.of("ltv", Map.of("amount", -5, "currency", "XXZ"))), "ltv.amount", "ltv.currency");
  }

  @Test
  void customerWithConversationsCannotBeDeleted() {
    long conversation = tenant.newConversation(api, "keep-me");
    long customer = api.get(tenant.path("/conversations/" + conversation), tenant.agentToken()).json()
        .get("customerId").asLong();
    assertProblem(api.delete(tenant.path("/customers/" + customer), tenant.adminToken()), 409,
        "customer-has-conversations");
    long lonely = api.post(tenant.path("/customers"), tenant.agentToken(), Map.of("name", "Lonely")).id();
    assertEquals(204, api.delete(tenant.path("/customers/" + lonely), tenant.adminToken()).status());
    assertProblem(api.get(tenant.path("/customers/" + lonely), tenant.agentToken()), 404, "not-found");
  }

  private List<Long> ids(String query) {
    List<Long> ids = new java.util.ArrayList<>();
    api.get(tenant.path("/customers" + query), tenant.agentToken()).json().get("items")
        .forEach(c -> ids.add(c.get("id").asLong()));
    return ids;
  }
}
