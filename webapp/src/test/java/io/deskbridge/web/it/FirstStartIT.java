package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a first-time user does: read the printed logins, log in, post a message, find it in the inbox. */
@ExtendWith(DeskbridgeServer.class)
class FirstStartIT {

  static Api api;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  private static String printedPassword(String email) {
    Matcher m = Pattern.compile(Pattern.quote(email) + " / (\\S+)").matcher(api.serverLog());
    assertTrue(m.find(), "the log prints the login of " + email);
    return m.group(1);
  }

  @Test
  void demoAgentLogsInPostsAMessageAndFindsItInTheInbox() {
    Api.Reply login = TestTenant.login(api, "demo", "agent@demo.deskbridge.test",
        printedPassword("agent@demo.deskbridge.test"));
    assertEquals(200, login.status(), login::toString);
    String token = login.json().get("token").asText();

    Api.Reply receipt = api.post("/api/v1/tenants/demo/inbound/messages", token, Map.of(
        "channel", "api", "externalMessageId", "first-start-1", "text", "Где мой заказ?",
        "customer", Map.of("externalId", "first-start", "name", "Ivan")));
    assertEquals(201, receipt.status(), receipt::toString);
    long conversation = receipt.json().get("conversationId").asLong();

    JsonNode inbox = api.get("/api/v1/tenants/demo/conversations?status=OPEN&assignee=none", token).json();
    assertTrue(inbox.get("items").findValuesAsText("id").contains(Long.toString(conversation)), inbox::toString);
    JsonNode messages = api.get("/api/v1/tenants/demo/conversations/" + conversation + "/messages", token).json();
    assertEquals("Где мой заказ?", messages.get("items").get(0).get("text").asText());
  }

  @Test
  void demoTenantComesWithATeamCategoriesAndSavedReplies() {
    String token = TestTenant.login(api, "demo", "admin@demo.deskbridge.test",
        printedPassword("admin@demo.deskbridge.test")).json().get("token").asText();
    assertEquals(2, api.get("/api/v1/tenants/demo/agents", token).json().get("items").size());
    assertTrue(api.get("/api/v1/tenants/demo/categories", token).raw().contains("THIRD_PARTY"));
    assertTrue(api.get("/api/v1/tenants/demo/saved-replies?q=" + java.net.URLEncoder.encode("минут",
        java.nio.charset.StandardCharsets.UTF_8), token).json().get("items").size() >= 1);
  }

  @Test
  void healthReportsTheDatabaseAndSchema() {
    Api.Reply ready = api.get("/health/ready", null);
    assertEquals(200, ready.status(), ready::toString);
    JsonNode database = ready.json().get("checks").findValue("data");
    assertEquals("UP", ready.json().get("status").asText());
    assertTrue(database.get("schemaVersion").asText().matches("\\d{4}"), ready::toString);
    assertEquals(200, api.get("/health/live", null).status());
    assertTrue(api.get("/metrics", null).raw().contains("# TYPE"));
  }

  @Test
  void openApiDescribesTheApiAndTheBrowsablePageLoads() {
    Api.Reply openapi = api.get("/openapi?format=JSON", null);
    assertEquals(200, openapi.status());
    JsonNode paths = openapi.json().get("paths");
    assertTrue(paths.has("/api/v1/tenants/{tenant}/inbound/messages"), paths.fieldNames()::toString);
    assertTrue(paths.has("/api/v1/tenants/{tenant}/conversations"));
    assertTrue(paths.has("/api/v1/auth/login"));
    Api.Reply page = api.get("/api-docs/", null);
    assertEquals(200, page.status());
    assertTrue(page.raw().contains("swagger-ui"));
    assertEquals(200, api.get("/webjars/swagger-ui/5.17.14/swagger-ui-bundle.js", null).status());
  }

  @Test
  void theOperatorsConfiguredAdminTokenWorksAndNoneIsGenerated() {
    assertEquals(200, api.get("/api/v1/tenants", api.adminToken()).status());
    assertTrue(!api.serverLog().contains("Platform admin token (shown once"), "a configured token is not replaced");
  }
}
