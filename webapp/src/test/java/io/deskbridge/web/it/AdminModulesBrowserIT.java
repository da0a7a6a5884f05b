package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A tenant admin in a real browser: enables outgoing webhooks through the form generated from the
 * module's schema without the secret ever coming back, tests the connection, retries a dead delivery
 * from the outbox, and adds a category and a saved reply on the team pages.
 */
@ExtendWith(DeskbridgeServer.class)
class AdminModulesBrowserIT {

  static Api api;
  static Receiver receiver;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    receiver = new Receiver();
  }

  @AfterAll
  static void tearDown() {
    receiver.close();
  }

  static void signInAsAdmin(Browser browser, TestTenant t) {
    browser.go("/app/?tenant=" + t.slug());
    browser.type(By.name("email"), "admin@" + t.slug() + ".test");
    browser.type(By.name("password"), TestTenant.PASSWORD);
    browser.click(By.cssSelector("#login-form button[type=submit]"));
    assertEquals("Ann Admin", browser.find(By.cssSelector("header.top .who")).getText());
  }

  @Test
  void anAdminEnablesWebhooksWithoutTheSecretComingBackAndRetriesADeadDelivery() {
    TestTenant t = TestTenant.create(api, "admin-modules");
    String secret = "browser-secret-" + t.slug();
    String moduleUrl = t.path("/modules/webhook");
    try (Browser browser = Browser.open(api.baseUrl())) {
      signInAsAdmin(browser, t);
      browser.click(By.cssSelector("header.top a[data-view=admin]"));
      browser.click(By.cssSelector("tr[data-module=webhook] a.configure"));
      browser.find(By.id("module-form"));
      assertEquals("not set", browser.find(By.cssSelector("[data-hint-for=secret]")).getText());

      browser.click(By.id("module-enabled"));
      browser.type(By.name("url"), "not a url");
      browser.type(By.name("secret"), secret);
      Select events = new Select(browser.find(By.name("events")));
      events.deselectAll();
      events.selectByValue("conversation.created");
      browser.click(By.id("module-save"));
      assertTrue(browser.find(By.cssSelector("[name=url] + .field-error")).getText()
          .contains("must be an absolute http(s) URL"));
      assertFalse(api.get(moduleUrl, t.adminToken()).json().get("enabled").asBoolean(), "nothing was saved");

      browser.type(By.name("url"), receiver.url("/admin-hook"));
      browser.click(By.id("module-save"));
      browser.withText(By.id("module-status"), "Saved.");
      assertEquals("set", browser.find(By.cssSelector("[data-hint-for=secret]")).getText());
      assertEquals("", browser.find(By.name("secret")).getAttribute("value"));
      assertTrue(browser.all(By.cssSelector(".field-error")).isEmpty(), "the url error is gone");
      assertFalse(browser.driver.getPageSource().contains(secret), "the page shows the secret");
      browser.withText(By.id("module-history"), "ENABLED");
      ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, 0)");
      browser.screenshot("admin-modules");

      browser.driver.navigate().refresh();
      assertEquals("set", browser.find(By.cssSelector("[data-hint-for=secret]")).getText());
      browser.withText(By.id("module-history"), "ENABLED");
      assertFalse(browser.driver.getPageSource().contains(secret), "the page shows the secret after a reload");
      Api.Reply module = api.get(moduleUrl, t.adminToken());
      assertTrue(module.json().get("enabled").asBoolean(), module::toString);
      assertEquals("[\"conversation.created\"]", module.json().get("config").get("events").toString(), module::toString);
      assertFalse(module.raw().contains(secret), "the API shows the secret");

      browser.click(By.id("module-test"));
      assertEquals("Connection works: Receiver answered 200",
          browser.find(By.cssSelector("#module-test-result.ok, #module-test-result.failed")).getText());

      receiver.answer("/admin-hook", new Receiver.Answer(410, null, Duration.ZERO));
      t.newConversation(api, "admin-dead-customer");
      long dead = deadJob(t);

      browser.click(By.linkText("Deliveries of this module"));
      new Select(browser.find(By.id("outbox-state"))).selectByValue("DEAD");
      By deadRow = By.cssSelector("tr[data-job='" + dead + "'][data-state=DEAD]");
      assertTrue(browser.find(deadRow).findElement(By.cssSelector(".last-error")).getText().contains("410"));

      receiver.answer("/admin-hook", Receiver.Answer.ok());
      browser.find(deadRow).findElement(By.cssSelector("button.retry")).click();
      browser.withText(By.id("outbox-status"), "Job " + dead + " is queued again.");
      new Select(browser.find(By.id("outbox-state"))).selectByValue("");
      browser.find(By.cssSelector("tr[data-job='" + dead + "'][data-state=DONE]"));
      browser.screenshot("admin-outbox");
      assertEquals(2, receiver.calls("/admin-hook").stream()
          .filter(c -> "conversation.created".equals(c.header("X-Deskbridge-Event"))).count(),
          "the refused delivery, then the retried one");
    }
  }

  @Test
  void anAdminAddsACategoryAndASavedReplyOnTheTeamPages() {
    TestTenant t = TestTenant.create(api, "admin-pages");
    try (Browser browser = Browser.open(api.baseUrl())) {
      signInAsAdmin(browser, t);
      browser.go("/app/#/admin/categories");
      browser.click(By.cssSelector("button.new"));
      browser.type(By.name("name"), "Delivery partner");
      new Select(browser.find(By.name("scope"))).selectByValue("THIRD_PARTY");
      browser.click(By.cssSelector(".crud-form button[type=submit]"));
      browser.find(cell("Delivery partner"));
      JsonNode category = named(api.get(t.path("/categories"), t.adminToken()).json(), "name", "Delivery partner");
      assertEquals("THIRD_PARTY", category.get("scope").asText());

      browser.click(By.linkText("Saved replies"));
      browser.click(By.cssSelector("button.new"));
      browser.click(By.cssSelector(".crud-form button[type=submit]"));
      assertTrue(browser.find(By.cssSelector("[name=title] + .field-error")).isDisplayed(),
          "an empty title is refused next to the field");
      browser.type(By.name("title"), "One moment");
      browser.type(By.name("body"), "One moment, {{customer.name}}, I am checking your order.");
      new Select(browser.find(By.name("language"))).selectByValue("en");
      browser.type(By.name("tags"), "orders, hold");
      browser.click(By.name("hold"));
      browser.click(By.cssSelector(".crud-form button[type=submit]"));
      browser.find(cell("One moment"));
      browser.screenshot("admin-saved-replies");
      JsonNode reply = named(api.get(t.path("/saved-replies"), t.adminToken()).json(), "title", "One moment");
      assertTrue(reply.get("hold").asBoolean(), reply::toString);
      assertEquals("en", reply.get("language").asText());
      assertEquals("[\"hold\",\"orders\"]", reply.get("tags").toString());
      assertEquals("One moment, {{customer.name}}, I am checking your order.", reply.get("body").asText());
    }
  }

  @Test
  void anAdminSetsTheRulesAndAddsAnIntegratorWhoSeesModulesOnly() {
    TestTenant t = TestTenant.create(api, "admin-rules");
    try (Browser browser = Browser.open(api.baseUrl())) {
      signInAsAdmin(browser, t);
      browser.go("/app/#/admin/business-hours");
      browser.type(By.name("timezone"), "Europe/Berlin");
      browser.type(By.name("day-MONDAY"), "09:00-13:00, 14:00-18:00");
      browser.type(By.name("day-TUESDAY"), "9-18");
      browser.click(By.cssSelector(".settings-form button[type=submit]"));
      assertTrue(browser.find(By.cssSelector("[name=day-TUESDAY] + .field-error")).getText().contains("09:00"),
          "the wrong time is pointed out on Tuesday");
      browser.screenshot("admin-business-hours");
      browser.type(By.name("day-TUESDAY"), "09:00-18:00");
      browser.click(By.cssSelector(".settings-form button[type=submit]"));
      browser.withText(By.cssSelector(".admin-page .status"), "Saved.");
      JsonNode hours = api.get(t.path("/rules"), t.adminToken()).json().get("businessHours");
      assertEquals("Europe/Berlin", hours.get("timezone").asText());
      assertTrue(hours.get("periods").toString().startsWith("[{\"day\":\"MONDAY\",\"from\":\"09:00\",\"to\":\"13:00\"},"
          + "{\"day\":\"MONDAY\",\"from\":\"14:00\",\"to\":\"18:00\"},"), "a lunch break on Monday: " + hours);

      browser.click(By.linkText("Auto-close"));
      browser.type(By.name("silence"), "PT15M");
      browser.find(By.name("holdKeywords")).sendKeys("\nпроверяю");
      browser.click(By.cssSelector(".settings-form button[type=submit]"));
      browser.withText(By.cssSelector(".admin-page .status"), "Saved.");
      JsonNode autoClose = api.get(t.path("/rules"), t.adminToken()).json().get("autoClose");
      assertEquals("PT15M", autoClose.get("silence").asText());
      assertTrue(autoClose.get("holdKeywords").toString().contains("проверяю"), autoClose::toString);

      browser.click(By.linkText("Workflow"));
      browser.type(By.name("reopenWindow"), "P3D");
      browser.click(By.name("autoAssign"));
      browser.click(By.cssSelector(".settings-form button[type=submit]"));
      browser.withText(By.cssSelector(".admin-page .status"), "Saved.");
      JsonNode workflow = api.get(t.path("/rules"), t.adminToken()).json().get("workflow");
      assertEquals("PT72H", workflow.get("reopenWindow").asText());
      assertTrue(workflow.get("autoAssign").asBoolean(), workflow::toString);

      browser.click(By.linkText("Agents"));
      browser.click(By.cssSelector("button.new"));
      browser.type(By.name("email"), "olga@" + t.slug() + ".test");
      browser.type(By.name("name"), "Olga Integrator");
      browser.type(By.name("password"), TestTenant.PASSWORD);
      Select roles = new Select(browser.find(By.name("roles")));
      roles.deselectAll();
      roles.selectByValue("INTEGRATOR");
      browser.click(By.cssSelector(".crud-form button[type=submit]"));
      browser.find(cell("Olga Integrator"));
      JsonNode olga = named(api.get(t.path("/agents"), t.adminToken()).json(), "name", "Olga Integrator");
      assertEquals("[\"INTEGRATOR\"]", olga.get("roles").toString());

      new Select(browser.find(By.cssSelector("header.top select.language"))).selectByValue("ru");
      browser.withText(By.cssSelector(".admin-menu a"), "Сотрудники");
      browser.withText(By.cssSelector(".admin-page h1"), "Сотрудники");
      browser.go("/app/#/admin/modules/webhook");
      browser.withText(By.cssSelector(".field label"), "Адрес получателя");
      browser.withText(By.id("help-url"), "отправляет сюда каждое событие");
      browser.withText(By.cssSelector(".field label.check"), "Отправлять внутренние заметки");

      browser.click(By.id("sign-out"));
      browser.go("/app/?tenant=" + t.slug());
      browser.type(By.name("email"), "olga@" + t.slug() + ".test");
      browser.type(By.name("password"), TestTenant.PASSWORD);
      browser.click(By.cssSelector("#login-form button[type=submit]"));
      browser.find(By.cssSelector("header.top .who"));
      browser.go("/app/#/admin");
      browser.find(By.cssSelector("#admin-modules tr[data-module=webhook]"));
      assertEquals(List.of("Модули", "Очередь доставки"),
          browser.all(By.cssSelector(".admin-menu a")).stream().map(WebElement::getText).toList(),
          "an integrator gets the modules and the outbox only");
    }
  }

  /** Setting the scene: the refused delivery is dead-lettered by the outbox worker, not by the page. */
  private static long deadJob(TestTenant t) {
    long deadline = System.nanoTime() + Browser.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode items = api.get(t.path("/outbox?state=DEAD&module=webhook"), t.adminToken()).json().get("items");
      if (!items.isEmpty()) {
        return items.get(0).get("id").asLong();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no dead job: " + api.get(t.path("/outbox"), t.adminToken()).raw());
  }

  /** A cell of the list as it is after a save (the list before it is replaced, so never matched). */
  private static By cell(String text) {
    return By.xpath("//table[contains(@class,'grid')]//td[normalize-space(.)='" + text + "']");
  }

  private static JsonNode named(JsonNode list, String field, String value) {
    for (JsonNode item : list.get("items")) {
      if (item.get(field).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("no " + value + " in " + list);
  }
}
