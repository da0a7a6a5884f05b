package io.deskbridge.plugin.jira;

import static io.deskbridge.plugin.jira.TestTenant.action;
import static io.deskbridge.plugin.jira.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.deskbridge.core.plugin.spi.testing.HookServer;

import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundWebhookTest {

  final FakeJira jira = new FakeJira(FakeJira.Flavour.CLOUD);
  HookServer hooks;

  @AfterEach
  void stop() {
    assertEquals(List.of(), jira.specViolations());
    if (hooks != null) {
      hooks.close();
    }
    jira.close();
  }

  /** Ada's conversation escalated to SUP-1, and Jira's webhook pointed at Deskbridge. */
  JiraPlugin escalated(TestTenant t) {
    JiraPlugin plugin = t.plugin();
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, action("create", 81, Map.of()), 1).outcome());
    hooks = new HookServer(plugin, "/hooks/acme/jira");
    jira.webhookTo(hooks.url(""), TestTenant.WEBHOOK_SECRET);
    return plugin;
  }

  @Test
  void aJiraCommentBecomesOneInternalNoteAndNeverAReply() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    escalated(t);

    assertEquals(200, jira.comment("SUP-1", "Grace Hopper", "Fixed in 4.2, deploying tonight"));

    assertEquals(List.of("Jira SUP-1, comment by Grace Hopper: Fixed in 4.2, deploying tonight"), t.notes.of(81));
    assertEquals(List.of(), t.replies);
  }

  @Test
  void aRedeliveredCommentIsNotedOnce() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    escalated(t);
    String comment = "{\"webhookEvent\":\"comment_created\",\"issue\":{\"id\":\"10041\",\"key\":\"SUP-1\"},"
        + "\"comment\":{\"id\":\"777\",\"author\":{\"displayName\":\"Grace\"},\"body\":{\"type\":\"doc\","
        + "\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"On it\"}]}]}}}";

    assertEquals(200, jira.sendWebhook(comment));
    assertEquals(200, jira.sendWebhook(comment));

    assertEquals(List.of("Jira SUP-1, comment by Grace: On it"), t.notes.of(81));
  }

  @Test
  void resolvingTheIssueWakesTheConversationOnce() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    JiraPlugin plugin = escalated(t);

    assertEquals(200, jira.transition("SUP-1", "In Progress"));
    assertEquals(List.of("Jira SUP-1 moved to In Progress (from To Do)."), t.notes.of(81));
    assertEquals(List.of(), t.wakes.of(81));
    assertEquals("In Progress", plugin.conversationLinks(81).get(0).status());

    assertEquals(200, jira.transition("SUP-1", "Done"));
    assertEquals(1, t.wakes.of(81).size());
    assertTrue(t.wakes.of(81).get(0).startsWith("Jira SUP-1 moved to Done (from In Progress)."),
        t.wakes.of(81).get(0));
    assertEquals("Done", plugin.conversationLinks(81).get(0).status());

    assertEquals(200, jira.transition("SUP-1", "Done"));
    assertEquals(1, t.wakes.of(81).size());
  }

  @Test
  void aCustomStatusInTheDoneCategoryWakesTheConversation() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    escalated(t);

    assertEquals(200, jira.transition("SUP-1", "Shipped"));

    assertEquals(1, t.wakes.of(81).size());
    assertTrue(t.wakes.of(81).get(0).contains("moved to Shipped"), t.wakes.of(81).get(0));
  }

  @Test
  void aPayloadWithoutTheStatusCategoryIsLookedUpThroughTheOutbox() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    JiraPlugin plugin = escalated(t);
    jira.transition("SUP-1", "Done");
    t.wakes.reasons.clear();
    t.mappings.remember("issue-status", "SUP-1", "indeterminate|In Progress");

    assertEquals(200, jira.sendWebhook("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10041\","
        + "\"key\":\"SUP-1\",\"fields\":{\"status\":{\"name\":\"Done\"}}}}"));
    assertEquals(List.of(), t.wakes.of(81));
    assertEquals(1, t.jobs.queued.size());

    ActionRequest refresh = t.jobs.queued.get(0);
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, refresh, 1).outcome());
    assertEquals(1, t.wakes.of(81).size());
  }

  @Test
  void anInvalidOrMissingSignatureIsRejected() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    escalated(t);
    String payload = "{\"webhookEvent\":\"comment_created\",\"issue\":{\"key\":\"SUP-1\"},"
        + "\"comment\":{\"id\":\"9\",\"body\":\"forged\"}}";

    assertEquals(401, jira.sendWebhook(payload, "guessed-secret"));
    assertEquals(401, jira.sendWebhook(payload, null));
    assertEquals(List.of(), t.notes.of(81));
  }

  @Test
  void withoutASecretTheUrlTokenIsRequired() {
    TestTenant t = TestTenant.of(jira).withAdasConversation().with("webhookToken", new Secret("url-t0ken"));
    t.settings.remove("webhookSecret");
    JiraPlugin plugin = t.plugin();
    deliver(plugin, action("create", 81, Map.of()), 1);
    byte[] body = ("{\"webhookEvent\":\"comment_created\",\"issue\":{\"key\":\"SUP-1\"},"
        + "\"comment\":{\"id\":\"9\",\"body\":\"Looking\"}}").getBytes(StandardCharsets.UTF_8);

    assertEquals(401, plugin.handleWebhook(new WebhookRequest("POST", "", Map.of(), "token=wrong", body)).status());
    assertEquals(200, plugin.handleWebhook(new WebhookRequest("POST", "", Map.of(), "token=url-t0ken", body))
        .status());
    assertEquals(List.of("Jira SUP-1, comment by someone: Looking"), t.notes.of(81));
  }

  @Test
  void eventsOfIssuesNotLinkedToAConversationAreIgnored() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    escalated(t);
    String other = jira.fileIssue("Unrelated bug");

    assertEquals(200, jira.comment(other, "Grace", "Not about Ada"));
    assertEquals(200, jira.transition(other, "Done"));

    assertEquals(List.of(), t.notes.of(81));
    assertEquals(List.of(), t.wakes.of(81));
  }
}
