package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DeskbridgeServer.class)
class AuthenticationIT {

  static Api api;
  static TestTenant tenant;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "auth");
  }

  @Test
  void loginReturnsATokenThatIdentifiesTheAgent() {
    Api.Reply login = TestTenant.login(api, tenant.slug(), "agent@" + tenant.slug() + ".test", TestTenant.PASSWORD);
    assertEquals(200, login.status(), login::toString);
    JsonNode body = login.json();
    assertEquals(tenant.agentId(), body.get("agent").get("id").asLong());
    assertTrue(body.get("token").asText().length() > 30);

    JsonNode me = api.get("/api/v1/auth/me", body.get("token").asText()).json();
    assertEquals("AGENT", me.get("kind").asText());
    assertEquals(tenant.slug(), me.get("tenant").asText());
    assertEquals(tenant.agentId(), me.get("agentId").asLong());
  }

  @Test
  void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
    Api.Reply wrongPassword = TestTenant.login(api, tenant.slug(), "agent@" + tenant.slug() + ".test", "nope-nope");
    Api.Reply unknownEmail = TestTenant.login(api, tenant.slug(), "ghost@" + tenant.slug() + ".test", "nope-nope");
    Api.Reply unknownTenant = TestTenant.login(api, "no-such-tenant", "agent@x.test", "nope-nope");
    JsonNode a = assertProblem(wrongPassword, 401, "invalid-credentials");
    JsonNode b = assertProblem(unknownEmail, 401, "invalid-credentials");
    assertProblem(unknownTenant, 401, "invalid-credentials");
    assertEquals(a, b);
  }

  @Test
  void loginWithoutFieldsNamesEachMissingField() {
    Problems.assertFieldErrors(api.post("/api/v1/auth/login", null, Map.of()), "tenant", "email", "password");
  }

  @Test
  void logoutRevokesOnlyThatToken() {
    String email = "agent@" + tenant.slug() + ".test";
    String first = TestTenant.login(api, tenant.slug(), email, TestTenant.PASSWORD).json().get("token").asText();
    String second = TestTenant.login(api, tenant.slug(), email, TestTenant.PASSWORD).json().get("token").asText();
    assertEquals(204, api.post("/api/v1/auth/logout", first, "").status());
    assertProblem(api.get(tenant.path("/conversations"), first), 401, "invalid-token");
    assertEquals(200, api.get(tenant.path("/conversations"), second).status());
  }

  @Test
  void missingOrForgedTokensAreRefused() {
    assertProblem(api.get(tenant.path("/conversations"), null), 401, "invalid-token");
    assertProblem(api.get(tenant.path("/conversations"), "dbt_forged"), 401, "invalid-token");
    Api.Reply basic = api.send("GET", tenant.path("/conversations"), null,
        Map.of("Authorization", "Basic YTpi"), null);
    assertProblem(basic, 401, "invalid-token");
    assertEquals("Bearer", basic.headers().firstValue("WWW-Authenticate").orElse(""));
  }

  @Test
  void deactivatedAgentCanNoLongerUseTheirToken() {
    String email = "leaver@" + tenant.slug() + ".test";
    long id = api.post(tenant.path("/agents"), tenant.adminToken(), Map.of("email", email, "name", "Leaver",
        "password", TestTenant.PASSWORD, "roles", java.util.List.of("AGENT"))).id();
    String token = TestTenant.login(api, tenant.slug(), email, TestTenant.PASSWORD).json().get("token").asText();
    assertEquals(200, api.delete(tenant.path("/agents/" + id), tenant.adminToken()).status());
    assertProblem(api.get(tenant.path("/conversations"), token), 401, "invalid-token");
    assertProblem(TestTenant.login(api, tenant.slug(), email, TestTenant.PASSWORD), 401, "invalid-credentials");
  }

  @Test
  void passwordChangeEndsOtherSessions() {
    String email = "mover@" + tenant.slug() + ".test";
    long id = api.post(tenant.path("/agents"), tenant.adminToken(), Map.of("email", email, "name", "Mover",
        "password", TestTenant.PASSWORD, "roles", java.util.List.of("AGENT"))).id();
    String token = TestTenant.login(api, tenant.slug(), email, TestTenant.PASSWORD).json().get("token").asText();
    assertEquals(200, api.put(tenant.path("/agents/" + id + "/password"), token,
        Map.of("password", "a brand new secret")).status());
    assertProblem(api.get(tenant.path("/conversations"), token), 401, "invalid-token");
    assertEquals(200, TestTenant.login(api, tenant.slug(), email, "a brand new secret").status());
  }
}
