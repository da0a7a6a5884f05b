package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A customer on the demo shop page at phone size chats with an agent who answers through the API:
 * the reply appears live, the internal note never does, and a reload brings the same chat back; a file
 * the agent sends shows under the reply and downloads with the bytes the agent sent.
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

      String answer = browser.textWith(By.cssSelector("#deskbridge-panel .dbw-agent"), reply);
      assertTrue(answer.contains("Ivan Agent"), answer);
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

  /** A 2×1 PNG, so the preview must really decode it to have a width. */
  private static final byte[] PHOTO = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==");
  private static final byte[] WARRANTY = "Warranty card: samovar S-5, valid until 2028.\n"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void aFileTheAgentSendsShowsUnderTheReplyAndDownloadsWithTheSameBytes() {
    TestTenant t = TestTenant.create(api, "widget-files");
    try (Browser browser = Browser.open(api.baseUrl(), new Dimension(390, 844))) {
      browser.go("/demo/widget.html?tenant=" + t.slug() + "&lang=en");
      browser.click(By.id("deskbridge-launcher"));
      browser.type(By.name("dbw-name"), "Olga Customer");
      browser.type(By.name("dbw-text"), "My samovar's seal is cracked, see?");
      browser.click(By.cssSelector("#deskbridge-panel .dbw-send"));
      long id = browser.until(d -> widgetConversation(t)).get("id").asLong();
      String messages = t.path("/conversations/" + id + "/messages");
      assertEquals(201, api.post(messages, t.agentToken(), Map.of("text", "Here is how the seal should look.",
          "visibility", "PUBLIC", "attachments", List.of(
              Map.of("name", "seal.png", "contentType", "image/png",
                  "data", Base64.getEncoder().encodeToString(PHOTO)),
              Map.of("name", "warranty card.txt", "contentType", "text/plain",
                  "data", Base64.getEncoder().encodeToString(WARRANTY))))).status());

      String reply = browser.textWith(By.cssSelector("#deskbridge-panel .dbw-agent"), "seal should look");
      assertTrue(reply.contains("warranty card.txt (" + WARRANTY.length + " B)"), reply);
      assertTrue(reply.contains("seal.png (" + PHOTO.length + " B)"), reply);
      WebElement preview = browser.until(d -> {
        WebElement img = d.findElement(By.cssSelector("#deskbridge-panel .dbw-agent img.dbw-preview"));
        Object width = js(browser).executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
        return width instanceof Number n && n.intValue() == 2 ? img : null;
      });
      assertTrue(preview.getDomProperty("src").startsWith("blob:"), "the preview is fetched, not linked");
      int panelRight = browser.find(By.id("deskbridge-panel")).getRect().getX()
          + browser.find(By.id("deskbridge-panel")).getSize().getWidth();
      assertTrue(preview.getRect().getX() + preview.getSize().getWidth() <= panelRight,
          "the preview fits the phone's width");
      browser.screenshot("widget-attachment");

      assertArrayEquals(WARRANTY, download(browser, "warranty card.txt"), "the text file's bytes");
      assertArrayEquals(PHOTO, download(browser, "seal.png"), "the picture's bytes");

      String pass = String.valueOf(js(browser).executeScript("return Object.keys(localStorage)"
          + ".filter(k => k.startsWith('deskbridge.widget.')).map(k => JSON.parse(localStorage.getItem(k)).token)[0]"));
      assertTrue(pass.contains("."), pass);
      assertFalse(browser.driver.getPageSource().contains(pass), "the visitor's pass is in a link or image");
    }
  }

  private static JavascriptExecutor js(Browser browser) {
    return (JavascriptExecutor) browser.driver;
  }

  /**
   * Clicks the file's link, as drawn now (a poll may redraw it), until the widget has fetched it, then
   * reads the blob it points to: the bytes the customer's browser saves.
   */
  private static byte[] download(Browser browser, String name) {
    By link = By.xpath("//*[@id='deskbridge-panel']//a[contains(@class,'dbw-attachment')][starts-with(.,'"
        + name + "')]");
    String href = browser.until(d -> {
      WebElement current = d.findElement(link);
      if (current.getDomAttribute("data-ready") == null) {
        current.click();
        return null;
      }
      return current.getDomProperty("href");
    });
    assertTrue(href.startsWith("blob:"), () -> "the pass never goes into a URL: " + href);
    Object base64 = js(browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + " fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
        + " let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); },"
        + " e => done('failed: ' + e));", href);
    return Base64.getDecoder().decode(String.valueOf(base64));
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
