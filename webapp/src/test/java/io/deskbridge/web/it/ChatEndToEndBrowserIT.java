package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The issue's "done when", in two real browser windows: a customer starts a chat from the demo
 * widget page, the agent takes it from All, answers with a saved reply and writes an internal note;
 * the customer sees the reply and never the note; closing without a category is refused with the
 * reason, and the SLA badge turns "at risk" on its own.
 */
@ExtendWith(DeskbridgeServer.class)
class InboxBrowserIT {

  static Api api;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @Test
  void anAgentAnswersAWidgetChatWithASavedReplyAndANoteTheCustomerNeverSees() {
    TestTenant t = TestTenant.create(api, "inbox-ui");
    Api.Reply saved = api.post(t.path("/saved-replies"), t.adminToken(), Map.of("title", "Shipping",
        "body", "Hello {{customer.name}}, your samovar ships tomorrow.", "language", "en"));
    assertEquals(201, saved.status(), saved::toString);
    String note = "Internal: warehouse says Thursday, do not promise more";

    try (Browser customer = Browser.open(api.baseUrl(), new Dimension(390, 844));
        Browser agent = Browser.open(api.baseUrl())) {
      customer.go("/demo/widget.html?tenant=" + t.slug() + "&lang=en");
      customer.click(By.id("deskbridge-launcher"));
      customer.type(By.name("dbw-name"), "Olga");
      customer.type(By.name("dbw-text"), "Where is my samovar?");
      customer.click(By.cssSelector("#deskbridge-panel .dbw-send"));

      signIn(agent, t, "agent@" + t.slug() + ".test");
      WebElement row = agent.withText(By.cssSelector("#queue .queue-item"), "Olga");
      assertTrue(row.getText().contains("free"), row::getText);
      agent.screenshot("inbox");
      row.findElement(By.tagName("a")).click();
      agent.withText(By.cssSelector("#timeline .message.from-customer"), "Where is my samovar?");
      agent.click(By.id("assign-me"));
      agent.withText(By.cssSelector(".conversation-header"), "assigned to you");

      agent.type(By.id("reply-text"), "/ship");
      agent.withText(By.cssSelector("#saved-replies li"), "Shipping").click();
      agent.until(d -> d.findElement(By.id("reply-text")).getAttribute("value")
          .equals("Hello Olga, your samovar ships tomorrow.") ? true : null);
      agent.click(By.id("send"));
      agent.withText(By.cssSelector("#timeline .message.public.from-agent"), "your samovar ships tomorrow");

      agent.click(By.id("mode-note"));
      assertTrue(agent.find(By.id("composer")).getAttribute("class").contains("note-mode"));
      assertEquals("Add internal note", agent.find(By.id("send")).getText());
      agent.type(By.id("reply-text"), note);
      agent.find(By.id("reply-text")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
      WebElement shown = agent.withText(By.cssSelector("#timeline .message.internal"), note);
      assertTrue(shown.getText().toLowerCase().contains("internal — not sent to the customer"), shown::getText);
      agent.screenshot("conversation");

      long id = conversationOf(t);
      List<String> visibility = new ArrayList<>();
      for (JsonNode m : api.get(t.path("/conversations/" + id + "/messages"), t.agentToken()).json().get("items")) {
        visibility.add(m.get("visibility").asText() + " " + m.get("text").asText());
      }
      assertEquals(List.of("PUBLIC Where is my samovar?", "PUBLIC Hello Olga, your samovar ships tomorrow.",
          "INTERNAL " + note), visibility);

      customer.withText(By.cssSelector("#deskbridge-panel .dbw-agent"), "your samovar ships tomorrow");
      assertFalse(customer.driver.getPageSource().contains(note), "the internal note reached the customer");
      customer.driver.navigate().refresh();
      customer.withText(By.cssSelector("#deskbridge-panel .dbw-agent"), "your samovar ships tomorrow");
      assertFalse(customer.driver.getPageSource().contains(note), "the internal note reached the customer");

      agent.click(By.id("close"));
      assertTrue(agent.find(By.id("conversation-error")).getText().toLowerCase().contains("category"),
          () -> agent.find(By.id("conversation-error")).getText());
      assertEquals("OPEN", status(t, id));
      new Select(agent.find(By.id("category"))).selectByVisibleText("How-to");
      agent.until(d -> api.get(t.path("/conversations/" + id), t.agentToken()).json().get("categoryId").asLong()
          == t.categoryId() ? true : null);
      agent.click(By.id("close"));
      agent.withText(By.cssSelector(".conversation-header .status"), "closed");
      assertEquals("CLOSED", status(t, id));
    }
  }

  @Test
  void theSlaBadgeTurnsAtRiskWhileTheAgentWatches() {
    TestTenant t = TestTenant.create(api, "inbox-sla");
    Api.Reply policy = api.post(t.path("/sla-policies"), t.adminToken(), Map.of("name", "Watched",
        "firstReply", "PT40S", "nextReply", "PT40S", "resolution", "PT1H", "warnAtShare", 0.25));
    assertEquals(201, policy.status(), policy::toString);
    assertEquals(200, api.put(t.path("/rules/workflow"), t.adminToken(),
        Map.of("reopenWindow", "P7D", "defaultPolicyId", policy.id())).status());
    long id = t.newConversation(api, "sla-watch");

    try (Browser agent = Browser.open(api.baseUrl())) {
      signIn(agent, t, "agent@" + t.slug() + ".test");
      agent.go("/app/#/conversations/" + id);
      WebElement badge = agent.find(By.id("sla-badge"));
      assertTrue(badge.getText().startsWith("First reply"), badge::getText);
      agent.until(d -> "AT_RISK".equals(d.findElement(By.id("sla-badge")).getAttribute("data-state")) ? true : null);
      assertTrue(agent.find(By.id("sla-badge")).getAttribute("class").contains("at-risk"));
      assertTrue(agent.find(By.id("sla-badge")).getText().contains("at risk"));
    }
  }

  private static void signIn(Browser browser, TestTenant t, String email) {
    browser.go("/app/?tenant=" + t.slug());
    browser.type(By.name("email"), email);
    browser.type(By.name("password"), TestTenant.PASSWORD);
    browser.click(By.cssSelector("#login-form button[type=submit]"));
    browser.find(By.id("queue"));
  }

  private static long conversationOf(TestTenant t) {
    JsonNode items = api.get(t.path("/conversations"), t.agentToken()).json().get("items");
    assertEquals(1, items.size(), items::toString);
    return items.get(0).get("id").asLong();
  }

  private static String status(TestTenant t, long id) {
    return api.get(t.path("/conversations/" + id), t.agentToken()).json().get("status").asText();
  }
}
