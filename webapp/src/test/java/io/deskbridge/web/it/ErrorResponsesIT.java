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

/** Every class of client error answers with problem+json, the right status, and no internals. */
@ExtendWith(DeskbridgeServer.class)
class ErrorResponsesIT {

  static Api api;
  static TestTenant tenant;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "errors");
  }

  @Test
  void malformedJsonIs400WithItsLocation() {
    Api.Reply reply = api.send("POST", tenant.path("/customers"), tenant.agentToken(),
        Map.of("Content-Type", "application/json"), "{\"name\": \"Ivan\",");
    JsonNode body = assertProblem(reply, 400, "malformed-json");
    assertTrue(body.get("detail").asText().contains("line"), body::toString);
  }

  @Test
  void aValueOfTheWrongTypeNamesTheField() {
    Api.Reply reply = api.send("POST", tenant.path("/customers"), tenant.agentToken(),
        Map.of("Content-Type", "application/json"), "{\"ltv\": {\"amount\": \"lots\", \"currency\": \"USD\"}}");
    assertFieldErrors(reply, "ltv.amount");
  }

  @Test
  void validationErrorsListEveryField() {
    Api.Reply reply = api.post(tenant.path("/agents"), tenant.adminToken(),
        Map.of("email", "not-an-email", "password", "short"));
    assertFieldErrors(reply, "email", "name", "password", "roles");
  }

  @Test
  void missingBodyIs400() {
    Api.Reply reply = api.send("POST", tenant.path("/departments"), tenant.adminToken(),
        Map.of("Content-Type", "application/json"), null);
    assertFieldErrors(reply, "body");
  }

  @Test
  void wrongContentTypeIs415() {
    Api.Reply reply = api.send("POST", tenant.path("/departments"), tenant.adminToken(),
        Map.of("Content-Type", "text/plain"), "Support");
    assertProblem(reply, 415, "unsupported-media-type");
  }

  @Test
  void unknownRouteIs404() {
    assertProblem(api.get("/api/v1/no/such/thing", tenant.agentToken()), 404, "no-such-route");
    assertProblem(api.get(tenant.path("/conversations/12/nothing"), tenant.agentToken()), 404, "no-such-route");
  }

  @Test
  void unknownIdIs404NamingTheResource() {
    JsonNode body = assertProblem(api.get(tenant.path("/conversations/99999999"), tenant.agentToken()), 404,
        "not-found");
    assertEquals("Conversation", body.get("resource").asText());
  }

  @Test
  void wrongMethodIs405WithAllow() {
    Api.Reply reply = api.send("DELETE", "/api/v1/auth/login", null, Map.of(), null);
    assertProblem(reply, 405, "method-not-allowed");
    assertTrue(reply.headers().firstValue("Allow").orElse("").contains("POST"), reply.headers()::toString);
  }

  @Test
  void bodyOverTheLimitIs413AndNothingIsStored() {
    TestTenant quiet = TestTenant.create(api, "toolarge");
    byte[] body = ("{\"name\":\"" + "x".repeat((int) Api.MAX_REQUEST_BYTES) + "\"}").getBytes();
    Api.Reply reply = api.sendBytes("POST", quiet.path("/customers"), quiet.agentToken(),
        Map.of("Content-Type", "application/json"), body);
    assertProblem(reply, 413, "payload-too-large");
    assertEquals(0, api.get(quiet.path("/customers"), quiet.agentToken()).json().get("items").size());
  }

  @Test
  void wrongRoleIs403() {
    assertProblem(api.post(tenant.path("/departments"), tenant.agentToken(), Map.of("name", "Sales")), 403,
        "forbidden");
    assertProblem(api.post(tenant.path("/api-keys"), tenant.agentToken(), Map.of("name", "k", "scope", "FULL")),
        403, "forbidden");
  }

  @Test
  void duplicatesAreConflicts() {
    api.post(tenant.path("/departments"), tenant.adminToken(), Map.of("name", "Billing"));
    assertProblem(api.post(tenant.path("/departments"), tenant.adminToken(), Map.of("name", "billing")), 409,
        "duplicate-name");
    assertProblem(api.post(tenant.path("/agents"), tenant.adminToken(), Map.of("email", "agent@" + tenant.slug()
        + ".test", "name", "Twin", "password", "long enough", "roles", java.util.List.of("AGENT"))), 409,
        "duplicate-email");
  }

  @Test
  void theLastAdminCannotBeRemoved() {
    assertProblem(api.delete(tenant.path("/agents/" + tenant.adminId()), tenant.adminToken()), 409, "last-admin");
    assertProblem(api.patch(tenant.path("/agents/" + tenant.adminId()), tenant.adminToken(),
        Map.of("roles", java.util.List.of("AGENT"))), 409, "last-admin");
  }

  @Test
  void aDepartmentInUseCannotBeDeleted() {
    long department = api.post(tenant.path("/departments"), tenant.adminToken(), Map.of("name", "Busy")).id();
    long id = tenant.newConversation(api, "busy-dept");
    api.put(tenant.path("/conversations/" + id + "/department"), tenant.agentToken(),
        Map.of("departmentId", department));
    assertProblem(api.delete(tenant.path("/departments/" + department), tenant.adminToken()), 409,
        "department-in-use");
  }
}
