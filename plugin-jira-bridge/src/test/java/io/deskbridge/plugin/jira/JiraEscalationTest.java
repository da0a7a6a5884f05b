package io.deskbridge.plugin.jira;

import static io.deskbridge.plugin.jira.TestTenant.action;
import static io.deskbridge.plugin.jira.TestTenant.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.ExternalLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JiraEscalationTest {

  static final String DIALOG = "https://desk.example.test/conversations/81?tenant=acme";

  final FakeJira jira = new FakeJira(FakeJira.Flavour.CLOUD);

  @AfterEach
  void stop() {
    assertEquals(List.of(), jira.specViolations());
    jira.close();
  }

  static Map<String, String> create(String summary) {
    return Map.of("summary", summary, "description", "Customer is blocked; please check the SSO logs.");
  }

  static List<String> texts(JsonNode adf) {
    List<String> texts = new ArrayList<>();
    adf.findValues("text").forEach(t -> texts.add(t.asText()));
    return texts;
  }

  @Test
  void escalatingCreatesOneIssueWithAnAdfDescriptionAndALinkThatOpensTheDialog() {
    TestTenant t = TestTenant.of(jira).withAdasConversation().with("planPriorities", List.of("Gold=High"))
        .with("categoryComponents", List.of("Billing=Payments")).with("labels", List.of("support"));
    JiraPlugin plugin = t.plugin();

    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, action("create", 81, create("Ada cannot log in")), 1)
        .outcome());

    assertEquals(1, jira.issues().size());
    JsonNode fields = jira.issues().get(0).get("fields");
    assertEquals("Ada cannot log in", fields.get("summary").asText());
    assertEquals("SUP", fields.get("project").get("key").asText());
    assertEquals("Task", fields.get("issuetype").get("name").asText());
    assertEquals("High", fields.get("priority").get("name").asText());
    assertEquals("Payments", fields.get("components").get(0).get("name").asText());
    assertEquals(List.of("support", "deskbridge", "deskbridge-acme-81"),
        List.of(fields.get("labels").get(0).asText(), fields.get("labels").get(1).asText(),
            fields.get("labels").get(2).asText()));
    JsonNode description = fields.get("description");
    assertEquals("doc", description.get("type").asText());
    List<String> texts = texts(description);
    assertTrue(texts.contains("Customer is blocked; please check the SSO logs."), texts::toString);
    assertTrue(texts.contains("Customer: Ada Lovelace <ada@example.com>"), texts::toString);
    assertTrue(texts.contains("Plan: Gold") && texts.contains("Category: Billing"), texts::toString);
    assertTrue(texts.contains("Customer Ada Lovelace, 2026-11-27 10:00 UTC: I cannot log in since Monday"),
        texts::toString);
    assertTrue(texts.contains("Agent Ivan, 2026-11-27 10:02 UTC: We are looking into it"), texts::toString);
    assertFalse(description.toString().contains("SSO bug"), "internal notes stay in Deskbridge unless ticked");
    assertEquals(DIALOG, description.findValue("href").asText());

    List<JsonNode> links = jira.remoteLinks("SUP-1");
    assertEquals(1, links.size());
    assertEquals(DIALOG, links.get(0).get("object").get("url").asText());
    assertEquals("system=deskbridge&tenant=acme&conversation=81", links.get(0).get("globalId").asText());
    assertEquals(List.of(new ExternalLink("jira", "SUP-1", jira.url() + "/browse/SUP-1", "To Do")),
        plugin.conversationLinks(81));
  }

  @Test
  void internalNotesGoToJiraOnlyWhenTheAgentTicksThem() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    deliver(t.plugin(), action("create", 81, Map.of("includeInternal", "true")), 1);

    JsonNode fields = jira.issues().get(0).get("fields");
    assertEquals("Cannot log in (conversation #81)", fields.get("summary").asText());
    assertTrue(texts(fields.get("description"))
        .contains("Internal note by Ivan, 2026-11-27 10:01 UTC: Looks like the SSO bug again"));
  }

  @Test
  void aDoubleClickStillMakesOneIssueAndOneLink() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    JiraPlugin plugin = t.plugin();
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, action("create", 81, create("First click")), 1).outcome());
    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, action("create", 81, create("Second click")), 1)
        .outcome());

    assertEquals(1, jira.issues().size());
    assertEquals("First click", jira.issues().get(0).get("fields").get("summary").asText());
    assertEquals(1, jira.remoteLinks("SUP-1").size());
  }

  /** The server died after Jira created the issue and before Deskbridge recorded it. */
  @Test
  void aRetryAfterACrashFindsTheIssueByItsLabelInsteadOfCreatingAnother() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    deliver(t.plugin(), action("create", 81, create("Ada cannot log in")), 1);
    forgetTheLink(t);

    assertEquals(DeliveryResult.Outcome.DONE, deliver(t.plugin(), action("create", 81, create("Ada")), 2).outcome());

    assertEquals(1, jira.issues().size());
    assertEquals(1, jira.remoteLinks("SUP-1").size());
    assertEquals("SUP-1", t.plugin().conversationLinks(81).get(0).key());
  }

  @Test
  void whileJirasSearchLagsARetryWaitsInsteadOfCreatingASecondIssue() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    deliver(t.plugin(), action("create", 81, create("Ada cannot log in")), 1);
    forgetTheLink(t);
    jira.searchLags(true);

    DeliveryResult waiting = deliver(t.plugin(), action("create", 81, create("Ada")), 2);
    assertEquals(DeliveryResult.Outcome.RETRY, waiting.outcome());
    assertEquals(Duration.ofSeconds(10), waiting.retryAfter());
    assertEquals(1, jira.issues().size());

    jira.searchLags(false);
    assertEquals(DeliveryResult.Outcome.DONE, deliver(t.plugin(), action("create", 81, create("Ada")), 3).outcome());
    assertEquals(1, jira.issues().size());
  }

  @Test
  void anExistingIssueIsLinkedByKeyAndUnlinkedAgain() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    JiraPlugin plugin = t.plugin();
    String key = jira.fileIssue("SSO outage");

    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, action("link", 81, Map.of("issueKey", " sup-1 ")), 1)
        .outcome());
    assertEquals(DIALOG, jira.remoteLinks(key).get(0).get("object").get("url").asText());
    assertEquals(key, plugin.conversationLinks(81).get(0).key());

    assertEquals(DeliveryResult.Outcome.DONE, deliver(plugin, action("unlink", 81, Map.of()), 1).outcome());
    assertEquals(List.of(), jira.remoteLinks(key));
    assertEquals(List.of(), plugin.conversationLinks(81));
  }

  @Test
  void linkingAnUnknownIssueFailsWithJirasReason() {
    TestTenant t = TestTenant.of(jira).withAdasConversation();
    DeliveryResult result = deliver(t.plugin(), action("link", 81, Map.of("issueKey", "SUP-404")), 1);
    assertEquals(DeliveryResult.Outcome.FAILED, result.outcome());
    assertTrue(result.detail().contains("SUP-404"), result.detail());
  }

  private static void forgetTheLink(TestTenant t) {
    t.mappings.remote.remove("issue:81");
    t.mappings.remote.remove("issue-conversation:SUP-1");
    t.mappings.remote.put("issue-sending:81", "1");
  }
}
