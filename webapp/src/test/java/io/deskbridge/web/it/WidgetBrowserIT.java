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
import org.openqa.selenium.WebElement;

/**
 * A customer on the demo shop page at phone size chats with an agent who answers through the API:
 * the reply appears live, the internal note never does, and a reload brings the same chat back.
 */
@ExtendWith(DeskbridgeServer.class)
class WidgetBrowserIT {

  static Api api;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @Test
  void aCustomerChatsFromThePhoneAndSeesTheReplyLiveButNeverTheNote() {
    TestTenant t = TestTenant.create(api, "widget-ui");
    String note = "Internal: this customer was rude last time";
    String reply = "Your samovar ships tomorrow morning.";
    try (Browser browser = Browser.open(api.baseUrl(), new Dimension(390, 844))) {
      browser.go("/demo/widget.html?tenant=" + t.slug() + "&lang=en");
      browser.click(By.id("deskbridge-launcher"));
      browser.type(By.name("dbw-name"), "Olga Customer");
      browser.type(By.name("dbw-email"), "olga@customer.test");
      browser.type(By.name("dbw-text"), "Where is my samovar?");
      browser.click(By.cssSelector("#deskbridge-panel .dbw-send"));

      JsonNode conversation = browser.until(d -> widgetConversation(t));
      long id = conversation.get("id").asLong();
      String messages = t.path("/conversations/" + id + "/messages");
      assertEquals(List.of("Where is my samovar?"), texts(messages, t));

      assertEquals(201, api.post(messages, t.agentToken(), Map.of("text", note, "visibility", "INTERNAL")).status());
      assertEquals(201, api.post(messages, t.agentToken(), Map.of("text", reply, "visibility", "PUBLIC")).status());

      WebElement answer = browser.withText(By.cssSelector("#deskbridge-panel .dbw-agent"), reply);
      assertTrue(answer.getText().contains("Ivan Agent"), answer::getText);
      assertFalse(browser.driver.getPageSource().contains(note), "the internal note reached the customer");
      Dimension panel = browser.find(By.id("deskbridge-panel")).getSize();
      assertEquals(browser.driver.manage().window().getSize().getWidth(), panel.getWidth(),
          "the chat fills the phone's width");
      browser.screenshot("widget");

      browser.driver.navigate().refresh();
      browser.withText(By.cssSelector("#deskbridge-panel .dbw-mine"), "Where is my samovar?");
      browser.withText(By.cssSelector("#deskbridge-panel .dbw-agent"), reply);
      assertFalse(browser.driver.getPageSource().contains(note), "the internal note reached the customer");
      assertTrue(browser.all(By.name("dbw-name")).stream().noneMatch(WebElement::isDisplayed),
          "the name is asked once");

      browser.type(By.name("dbw-text"), "Thank you!");
      browser.click(By.cssSelector("#deskbridge-panel .dbw-send"));
      browser.until(d -> texts(messages, t).contains("Thank you!") ? true : null);
      assertEquals(List.of("Where is my samovar?", note, reply, "Thank you!"), texts(messages, t),
          "the same conversation goes on after the reload");
      assertEquals(1, api.get(t.path("/conversations"), t.agentToken()).json().get("items").size());

      String page = browser.driver.getPageSource();
      assertFalse(page.contains(t.agentToken()), "an agent token is in the page");
      assertFalse(page.contains(t.adminToken()), "an admin token is in the page");
      String stored = String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser.driver)
          .executeScript("return JSON.stringify(window.localStorage)"));
      assertFalse(stored.contains(t.agentToken()) || stored.contains(t.adminToken()), "a staff token is stored");
    }
  }

  @Test
  void onADesktopTheChatIsAFloatingPanelInThePagesLanguage() {
    TestTenant t = TestTenant.create(api, "widget-desk");
    try (Browser browser = Browser.open(api.baseUrl())) {
      browser.go("/demo/widget.html?tenant=" + t.slug() + "&lang=ru");
      browser.withText(By.id("deskbridge-launcher"), "Напишите нам").click();
      browser.type(By.name("dbw-text"), "Есть ли самовары на 5 литров?");
      browser.click(By.cssSelector("#deskbridge-panel .dbw-send"));
      assertEquals("Пожалуйста, представьтесь.", browser.find(By.cssSelector("#deskbridge-panel .dbw-error")).getText());
      browser.type(By.name("dbw-name"), "Пётр");
      browser.click(By.cssSelector("#deskbridge-panel .dbw-send"));
      browser.until(d -> d.findElements(By.cssSelector("#deskbridge-panel .dbw-mine:not(.dbw-pending)")).isEmpty()
          ? null : true);
      Dimension panel = browser.find(By.id("deskbridge-panel")).getSize();
      assertTrue(panel.getWidth() < 500, () -> "a floating panel, not " + panel.getWidth() + " px wide");
      browser.screenshot("widget-desktop");
      assertEquals(1, api.get(t.path("/conversations"), t.agentToken()).json().get("items").size());
    }
  }

  /** The conversation the widget opened, once the agent's inbox has it. */
  private static JsonNode widgetConversation(TestTenant t) {
    for (JsonNode c : api.get(t.path("/conversations"), t.agentToken()).json().get("items")) {
      if ("widget".equals(c.get("channel").asText())) {
        return c;
      }
    }
    return null;
  }

  private static List<String> texts(String messagesPath, TestTenant t) {
    List<String> texts = new ArrayList<>();
    api.get(messagesPath, t.agentToken()).json().get("items").forEach(m -> texts.add(m.get("text").asText()));
    return texts;
  }
}
