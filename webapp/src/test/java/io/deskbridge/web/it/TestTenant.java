package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A fresh tenant for one test class, made through the public API the way an operator and an admin
 * would: the tenant with its admin, one agent, a department and a category.
 */
public record TestTenant(
    String slug, String adminToken, long adminId, String agentToken, long agentId, long departmentId,
    long categoryId) {

  static final String PASSWORD = "correct horse battery";

  public static TestTenant create(Api api, String prefix) {
    return createWith(api, api.adminToken(), prefix);
  }

  /** The same, on a server started with its own platform admin token. */
  public static TestTenant createWith(Api api, String platformToken, String prefix) {
    String slug = Api.uniqueSlug(prefix);
    Api.Reply created = api.post("/api/v1/tenants", platformToken, Map.of(
        "slug", slug, "name", "Tenant " + slug, "timezone", "Europe/Moscow", "language", "ru",
        "admin", Map.of("email", "admin@" + slug + ".test", "name", "Ann Admin", "password", PASSWORD)));
    assertEquals(201, created.status(), created::toString);
    Api.Reply adminLogin = login(api, slug, "admin@" + slug + ".test", PASSWORD);
    String adminToken = adminLogin.json().get("token").asText();
    long adminId = adminLogin.json().get("agent").get("id").asLong();
    String base = "/api/v1/tenants/" + slug;
    Api.Reply agent = api.post(base + "/agents", adminToken, Map.of(
        "email", "agent@" + slug + ".test", "name", "Ivan Agent", "password", PASSWORD, "roles", List.of("AGENT")));
    assertEquals(201, agent.status(), agent::toString);
    String agentToken = login(api, slug, "agent@" + slug + ".test", PASSWORD).json().get("token").asText();
    long departmentId = api.post(base + "/departments", adminToken, Map.of("name", "Support")).id();
    long categoryId = api.post(base + "/categories", adminToken, Map.of("name", "How-to", "scope", "OWN")).id();
    return new TestTenant(slug, adminToken, adminId, agentToken, agent.id(), departmentId, categoryId);
  }

  public static Api.Reply login(Api api, String slug, String email, String password) {
    return api.post("/api/v1/auth/login", null, Map.of("tenant", slug, "email", email, "password", password));
  }

  public String path(String rest) {
    return "/api/v1/tenants/" + slug + rest;
  }

  /** Posts a customer message through the inbound channel API and returns the receipt. */
  public Api.Reply inbound(Api api, String token, String externalMessageId, String customerExternalId,
      String text) {
    ObjectNode body = Api.object();
    body.put("channel", "api").put("externalMessageId", externalMessageId).put("text", text);
    body.putObject("customer").put("externalId", customerExternalId).put("name", "Customer " + customerExternalId)
        .put("email", customerExternalId + "@customer.test").put("phone", "+79990000000");
    return api.post(path("/inbound/messages"), token, body);
  }

  /** A new conversation with one customer message; returns its id. */
  public long newConversation(Api api, String customerExternalId) {
    Api.Reply receipt = inbound(api, agentToken, "msg-" + customerExternalId, customerExternalId, "Hello");
    assertEquals(201, receipt.status(), receipt::toString);
    return receipt.json().get("conversationId").asLong();
  }
}
