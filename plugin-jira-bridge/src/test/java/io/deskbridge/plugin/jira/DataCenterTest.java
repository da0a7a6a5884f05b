package io.deskbridge.plugin.jira;

import static io.deskbridge.plugin.jira.TestTenant.action;
import static io.deskbridge.plugin.jira.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.deskbridge.core.plugin.spi.testing.HookServer;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataCenterTest {

  final FakeJira jira = new FakeJira(FakeJira.Flavour.DATA_CENTER);

  @AfterEach
  void stop() {
    assertEquals(List.of(), jira.specViolations());
    jira.close();
  }

  @Test
  void escalatesOverRestV2WithAWikiDescriptionAndAPersonalAccessToken() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();

    assertEquals(DeliveryResult.Outcome.DONE, deliver(t.plugin(), action("create", 81, Map.of()), 1).outcome());

    assertEquals(1, jira.issues().size());
    String description = jira.issues().get(0).get("fields").get("description").asText();
    assertTrue(description.contains("Customer: Ada Lovelace <ada@example.com>\n"), description);
    assertTrue(description.contains("[Deskbridge conversation #81|https://desk.example.test/conversations/81?tenant=acme]"),
        description);
    assertTrue(description.contains("{noformat}\nCustomer Ada Lovelace, 2026-11-27 10:00 UTC: I cannot log in"),
        description);
    assertEquals(1, jira.remoteLinks("SUP-1").size());
    assertTrue(jira.requests().stream().anyMatch(r -> r.startsWith("GET /rest/api/2/search?")), jira.requests()::toString);
    assertTrue(jira.requests().stream().noneMatch(r -> r.contains("/rest/api/3/")), jira.requests()::toString);
  }

  @Test
  void aWikiTextCommentBecomesAnInternalNoteAndResolvingWakes() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    JiraPlugin plugin = t.plugin();
    deliver(plugin, action("create", 81, Map.of()), 1);
    try (HookServer hooks = new HookServer(plugin, "/hooks/acme/jira")) {
      jira.webhookTo(hooks.url(""), TestTenant.WEBHOOK_SECRET);

      assertEquals(200, jira.comment("SUP-1", "Grace", "Patched on *prod*"));
      assertEquals(200, jira.transition("SUP-1", "Done"));
    }
    assertEquals(List.of("Jira SUP-1, comment by Grace: Patched on *prod*"), t.notes.of(81));
    assertEquals(1, t.wakes.of(81).size());
  }
}
