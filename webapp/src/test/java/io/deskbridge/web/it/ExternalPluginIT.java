package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example plugin, built as its own Maven project and dropped into the plugins directory, runs
 * for the tenant that enabled it and for no other.
 */
@ExtendWith(DeskbridgeServer.class)
class ExternalPluginIT {

  static Api api;
  static TestTenant enabled;
  static TestTenant disabled;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    enabled = TestTenant.create(api, "echo-on");
    disabled = TestTenant.create(api, "echo-off");
    Api.Reply on = api.put(enabled.path("/modules/echo"), enabled.adminToken(),
        Map.of("enabled", true, "config", Map.of("token", "echo-token")));
    assertEquals(200, on.status(), on::toString);
  }

  private static Api.Reply note(TestTenant t, String token, long conversation, String text) {
    return api.send("POST", "/hooks/" + t.slug() + "/echo/notes", null,
        Map.of("Content-Type", "application/json", "X-Echo-Token", token),
        "{\"conversationId\":" + conversation + ",\"text\":\"" + text + "\"}");
  }

  @Test
  void itsWebhookWritesAnInternalNoteForTheTenantThatEnabledIt() {
    long conversation = enabled.newConversation(api, "echo-customer");
    Api.Reply reply = note(enabled, "echo-token", conversation, "from the CRM");
    assertEquals(200, reply.status(), reply::toString);
    JsonNode timeline = api.get(enabled.path("/conversations/" + conversation + "/messages"), enabled.agentToken())
        .json().get("items");
    JsonNode last = timeline.get(timeline.size() - 1);
    assertEquals("INTERNAL", last.get("visibility").asText());
    assertEquals("SYSTEM", last.get("authorType").asText());
    assertEquals("Echo: from the CRM", last.get("text").asText());
  }

  @Test
  void aWrongTokenIsRefusedAndWritesNothing() {
    long conversation = enabled.newConversation(api, "echo-wrong-token");
    assertEquals(401, note(enabled, "guess", conversation, "forged").status());
    assertEquals(1, api.get(enabled.path("/conversations/" + conversation + "/messages"), enabled.agentToken())
        .json().get("items").size());
  }

  @Test
  void aTenantWithoutTheModuleHasNoSuchWebhook() {
    long conversation = disabled.newConversation(api, "echo-nobody");
    assertProblem(note(disabled, "echo-token", conversation, "x"), 404, "not-found");
  }

  @Test
  void aConversationOfAnotherTenantIsNotFoundThroughTheWebhook() {
    long foreign = disabled.newConversation(api, "echo-foreign");
    assertEquals(404, note(enabled, "echo-token", foreign, "cross-tenant").status());
    assertEquals(1, api.get(disabled.path("/conversations/" + foreign + "/messages"), disabled.agentToken())
        .json().get("items").size());
  }

  @Test
  void itAddsALineToTheCustomerCard() {
    long conversation = enabled.newConversation(api, "echo-card");
    long customer = api.get(enabled.path("/conversations/" + conversation), enabled.agentToken()).json()
        .get("customerId").asLong();
    JsonNode card = api.get(enabled.path("/customers/" + customer), enabled.agentToken()).json();
    assertTrue(card.get("modules").toString().contains("\"module\":\"echo\""), card::toString);
    long other = disabled.newConversation(api, "echo-card-off");
    long otherCustomer = api.get(disabled.path("/conversations/" + other), disabled.agentToken()).json()
        .get("customerId").asLong();
    assertEquals(0, api.get(disabled.path("/customers/" + otherCustomer), disabled.agentToken()).json()
        .get("modules").size());
  }
}
