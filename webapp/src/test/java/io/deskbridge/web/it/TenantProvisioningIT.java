package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DeskbridgeServer.class)
class TenantProvisioningIT {

  static Api api;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  private static Map<String, Object> tenant(String slug) {
    return Map.of("slug", slug, "name", "Acme", "timezone", "Europe/Moscow", "language", "ru",
        "admin", Map.of("email", "a@" + slug + ".test", "name", "Ann", "password", "a long password"));
  }

  @Test
  void platformAdminCreatesATenantWhoseAdminCanLogIn() {
    String slug = Api.uniqueSlug("acme");
    Api.Reply created = api.post("/api/v1/tenants", api.adminToken(), tenant(slug));
    assertEquals(201, created.status(), created::toString);
    JsonNode body = created.json();
    assertEquals(slug, body.get("slug").asText());
    assertEquals("Europe/Moscow", body.get("timezone").asText());
    assertEquals("ru", body.get("language").asText());
    assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/tenants/" + slug));

    Api.Reply login = TestTenant.login(api, slug, "a@" + slug + ".test", "a long password");
    assertEquals(200, login.status(), login::toString);
    assertTrue(login.json().get("agent").get("roles").toString().contains("ADMIN"));

    JsonNode listed = api.get("/api/v1/tenants", api.adminToken()).json();
    assertTrue(listed.get("items").findValuesAsText("slug").contains(slug));
  }

  @Test
  void duplicateSlugIsAConflictAndCreatesNoSecondAdmin() {
    String slug = Api.uniqueSlug("dup");
    assertEquals(201, api.post("/api/v1/tenants", api.adminToken(), tenant(slug)).status());
    Map<String, Object> again = Map.of("slug", slug, "name", "Other", "admin",
        Map.of("email", "other@" + slug + ".test", "name", "Other", "password", "a long password"));
    assertProblem(api.post("/api/v1/tenants", api.adminToken(), again), 409, "duplicate-slug");
    assertProblem(TestTenant.login(api, slug, "other@" + slug + ".test", "a long password"), 401,
        "invalid-credentials");
  }

  @Test
  void invalidTenantNamesEveryBadField() {
    Map<String, Object> bad = Map.of("slug", "Not A Slug", "timezone", "Mars/Olympus", "language", "de",
        "admin", Map.of("email", "not-an-email", "name", "", "password", "short"));
    assertFieldErrors(api.post("/api/v1/tenants", api.adminToken(), bad), "slug", "name", "timezone", "language");
    String slug = Api.uniqueSlug("badadmin");
    Map<String, Object> badAdmin = Map.of("slug", slug, "name", "X",
        "admin", Map.of("email", "not-an-email", "name", "", "password", "short"));
    assertFieldErrors(api.post("/api/v1/tenants", api.adminToken(), badAdmin),
        "admin.email", "admin.name", "admin.password");
    assertFalse(api.get("/api/v1/tenants", api.adminToken()).json().get("items").findValuesAsText("slug").contains(slug),
        "nothing was written");
  }

  @Test
  void onlyThePlatformAdminTokenCreatesTenants() {
    TestTenant someone = TestTenant.create(api, "notadmin");
    assertProblem(api.post("/api/v1/tenants", someone.adminToken(), tenant(Api.uniqueSlug("x"))), 403, "forbidden");
    assertProblem(api.post("/api/v1/tenants", null, tenant(Api.uniqueSlug("x"))), 401, "invalid-token");
    assertProblem(api.get("/api/v1/tenants", someone.agentToken()), 403, "forbidden");
  }

  @Test
  void tenantAdminEditsTheTenantProfile() {
    TestTenant t = TestTenant.create(api, "profile");
    Api.Reply changed = api.patch("/api/v1/tenants/" + t.slug(), t.adminToken(),
        Map.of("name", "Renamed", "timezone", "Asia/Yekaterinburg", "settings", Map.of("attachments.maxBytes", "1024")));
    assertEquals(200, changed.status(), changed::toString);
    assertEquals("Asia/Yekaterinburg", changed.json().get("timezone").asText());
    assertEquals("1024", changed.json().get("settings").get("attachments.maxBytes").asText());
    assertProblem(api.patch("/api/v1/tenants/" + t.slug(), t.agentToken(), Map.of("name", "x")), 403, "forbidden");
    assertFieldErrors(api.patch("/api/v1/tenants/" + t.slug(), t.adminToken(),
        Map.of("settings", Map.of("attachments.maxBytes", "lots"))), "settings.attachments.maxBytes");
  }
}
