package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The agent inbox in real browsers: a customer's question is taken, answered with a saved reply and
 * noted internally; the SLA badge, a colleague's typing and the customer's next message arrive live.
 */
@ExtendWith(DeskbridgeServer.class)
class InboxBrowserIT {

  static Api api;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @Test
  void anAgentAnswersFromTheInboxWhileEverythingArrivesLive() {
    TestTenant t = TestTenant.create(api, "inbox");
    // At risk after a fifth of two minutes: on track when the agent first looks, at risk while they watch.
    Api.Reply policy = api.post(t.path("/sla-policies"), t.adminToken(), Map.of("name", "Quick",
        "firstReply", "PT2M", "nextReply", "PT5M", "resolution", "PT30M", "warnAtShare", 0.2));
    assertEquals(201, policy.status(), policy::toString);
    Api.Reply rules = api.put(t.path("/rules/workflow"), t.adminToken(),
        Map.of("reopenWindow", "P7D", "defaultPolicyId", policy.id()));
    assertEquals(200, rules.status(), rules::toString);
    Api.Reply reply = api.post(t.path("/saved-replies"), t.adminToken(), Map.of("title", "Greeting",
        "body", "Hello {{customer.name}}, this is {{agent.name}}.", "language", "en", "tags", List.of("hello")));
    assertEquals(201, reply.status(), reply::toString);
    Api.Reply anna = api.post(t.path("/agents"), t.adminToken(), Map.of("email", "anna@" + t.slug() + ".test",
        "name", "Anna Agent", "password", TestTenant.PASSWORD, "roles", List.of("AGENT")));
    assertEquals(201, anna.status(), anna::toString);
    Api.Reply question = t.inbound(api, t.agentToken(), "q-1", "c-1", "Where is my order?");
    assertEquals(201, question.status(), question::toString);
    long id = question.json().get("conversationId").asLong();

    try (Browser ivan = Browser.open(api.baseUrl()); Browser colleague = Browser.open(api.baseUrl())) {
      ivan.signIn(t.slug(), "agent@" + t.slug() + ".test");
      ivan.withText(By.id("availability"), "Offline");
      ivan.click(By.id("availability"));
      ivan.withText(By.id("availability"), "Online");
      assertEquals("ONLINE", api.get(t.path("/agents/" + t.agentId()), t.adminToken()).json().get("availability").asText());
      ivan.click(By.id("queue-all"));
      By badge = By.cssSelector("[data-conversation-id='" + id + "'] .badge.sla");
      ivan.find(By.cssSelector("[data-conversation-id='" + id + "'] .badge.sla.on-track"));
      assertTrue(ivan.find(badge).getText().contains("First reply"));
      ivan.find(By.cssSelector("[data-conversation-id='" + id + "'] .badge.sla.at-risk"));
      ivan.screenshot("inbox");

      ivan.click(By.cssSelector("[data-conversation-id='" + id + "'] a"));
      ivan.withText(By.cssSelector(".entry.customer"), "Where is my order?");
      ivan.click(By.id("assign-me"));
      ivan.withText(By.cssSelector("#conversation-header"), "Assigned to Ivan Agent");

      ivan.type(By.id("composer-text"), "/Greet");
      ivan.until(d -> {
        try {
          ivan.withText(By.cssSelector("#saved-replies .saved-reply"), "Greeting").click();
          return true;
        } catch (StaleElementReferenceException e) {
          return false; // the list was redrawn for the latest text: pick from the new one
        }
      });
      ivan.until(d -> d.findElement(By.id("composer-text")).getAttribute("value")
          .equals("Hello Customer c-1, this is Ivan Agent."));
      assertEquals("Send reply", ivan.find(By.id("composer-send")).getText());
      ivan.click(By.id("composer-send"));
      ivan.withText(By.cssSelector(".entry.agent"), "Hello Customer c-1, this is Ivan Agent.");

      ivan.click(By.id("mode-note"));
      assertTrue(ivan.find(By.id("composer")).getAttribute("class").contains("note-mode"));
      assertEquals("Add internal note", ivan.find(By.id("composer-send")).getText());
      ivan.type(By.id("composer-text"), "Second order this week, check the warehouse");
      ivan.find(By.id("composer-text")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
      String note = ivan.textWith(By.cssSelector(".entry.internal"), "check the warehouse");
      assertTrue(note.contains("Internal — not sent to the customer"), note);

      JsonNode messages = api.get(t.path("/conversations/" + id + "/messages"), t.agentToken()).json().get("items");
      assertEquals("INTERNAL", visibilityOf(messages, "check the warehouse"));
      assertEquals("PUBLIC", visibilityOf(messages, "this is Ivan Agent"));

      ivan.click(By.id("close-conversation"));
      ivan.withText(By.id("conversation-problem"), "needs a category before it can be closed");

      colleague.signIn(t.slug(), "anna@" + t.slug() + ".test");
      colleague.go("/app/#/conversations/" + id);
      colleague.withText(By.cssSelector(".entry.internal"), "check the warehouse");
      ivan.click(By.id("mode-reply"));
      ivan.type(By.id("composer-text"), "Let me check the tracking");
      colleague.withText(By.id("typing"), "Ivan Agent is typing…");

      Api.Reply next = t.inbound(api, t.agentToken(), "q-2", "c-1", "Any news about it?");
      assertEquals(201, next.status(), next::toString);
      ivan.withText(By.cssSelector(".entry.customer"), "Any news about it?");

      String annaToken = TestTenant.login(api, t.slug(), "anna@" + t.slug() + ".test", TestTenant.PASSWORD)
          .json().get("token").asText();
      api.post(t.path("/conversations/" + id + "/messages"), annaToken,
          Map.of("text", "It left the warehouse today.", "visibility", "PUBLIC"));
      ivan.withText(By.id("colleague-replied"), "A colleague replied while you were writing");
      ivan.withText(By.cssSelector(".entry.agent"), "It left the warehouse today.");
      ivan.screenshot("conversation");
    }
  }

  private static String visibilityOf(JsonNode messages, String text) {
    for (JsonNode m : messages) {
      if (m.get("text").asText().contains(text)) {
        return m.get("visibility").asText();
      }
    }
    throw new AssertionError("no message with " + text + " in " + messages);
  }
}
