package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.openqa.selenium.support.ui.Select;

/**
 * The issue's "done when", in two real browser windows: a customer starts a chat from the demo
 * widget page, the agent takes it from All, answers with a saved reply and writes an internal note;
 * the customer sees the reply and never the note, also after a reload; closing without a category is
 * refused with the reason, and closes once one is chosen.
 */
@ExtendWith(DeskbridgeServer.class)
class ChatEndToEndBrowserIT {

  static Api api;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @Test
  void anAgentAnswersAWidgetChatWithASavedReplyAndANoteTheCustomerNeverSees() {
    TestTenant t = TestTenant.create(api, "chat-e2e");
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
      long id = customer.until(d -> conversationOf(t));

      agent.signIn(t.slug(), "agent@" + t.slug() + ".test");
      agent.click(By.id("queue-all"));
      agent.click(By.cssSelector("[data-conversation-id='" + id + "'] a"));
      agent.withText(By.cssSelector(".entry.customer"), "Where is my samovar?");
      agent.click(By.id("assign-me"));
      agent.withText(By.cssSelector("#conversation-header"), "Assigned to Ivan Agent");

      agent.type(By.id("composer-text"), "/Ship");
      agent.until(d -> {
        agent.withText(By.cssSelector("#saved-replies .saved-reply"), "Shipping").click();
        return true;
      });
      agent.until(d -> d.findElement(By.id("composer-text")).getAttribute("value")
          .equals("Hello Olga, your samovar ships tomorrow."));
      agent.click(By.id("composer-send"));
      agent.withText(By.cssSelector(".entry.agent"), "your samovar ships tomorrow");

      agent.click(By.id("mode-note"));
      agent.type(By.id("composer-text"), note);
      agent.find(By.id("composer-text")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
      agent.withText(By.cssSelector(".entry.internal"), note);

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

      agent.click(By.id("close-conversation"));
      agent.withText(By.id("conversation-problem"), "needs a category before it can be closed");
      assertEquals("OPEN", status(t, id));
      agent.until(d -> {
        new Select(d.findElement(By.id("category"))).selectByVisibleText("How-to");
        return true;
      });
      agent.until(d -> api.get(t.path("/conversations/" + id), t.agentToken()).json().path("categoryId").asLong()
          == t.categoryId());
      agent.click(By.id("close-conversation"));
      agent.until(d -> "CLOSED".equals(status(t, id)));
      agent.withText(By.id("conversation-status"), "CLOSED");
    }
  }

  /** The widget's conversation, once it exists (null before). */
  private static Long conversationOf(TestTenant t) {
    JsonNode items = api.get(t.path("/conversations"), t.agentToken()).json().get("items");
    return items.size() == 1 ? items.get(0).get("id").asLong() : null;
  }

  private static String status(TestTenant t, long id) {
    return api.get(t.path("/conversations/" + id), t.agentToken()).json().get("status").asText();
  }
}
