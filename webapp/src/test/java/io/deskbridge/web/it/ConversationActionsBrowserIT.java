package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.plugin.jira.FakeJira;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The conversation's tools as an agent uses them in the browser: finding the conversation from the
 * inbox's search box, a complaint's steps, a callback requested and cancelled, a transfer that the
 * receiving department sees with the link back, a module's action (the Jira module against the fake
 * Jira) queued and then shown as the issue's link, and files attached to a reply and to an internal
 * note — the agent downloads the reply's file; the customer's channel (an inbound key) finds it in the
 * transcript and downloads it, and never sees or gets the note's.
 */
@ExtendWith(DeskbridgeServer.class)
class ConversationActionsBrowserIT {

  static final String RECEIPT = "Receipt 4242: samovar, 1 pc, 120 EUR\n";
  static final String MEMO = "Staff only: refund approved by Ann\n";
  static Api api;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @Test
  void anAgentSearchesComplainsCallsBackTransfersEscalatesAndAttaches() throws Exception {
    TestTenant t = TestTenant.create(api, "conv-tools");
    long billing = api.post(t.path("/departments"), t.adminToken(), Map.of("name", "Billing")).id();
    api.post(t.path("/transfer-reasons"), t.adminToken(),
        Map.of("name", "Double charge", "customerMessage", "Billing will write to you today."));
    long olga = conversation(t, "olga-k", "Olga Kuznetsova", "My samovar was charged twice");
    long boris = conversation(t, "boris-p", "Boris Petrov", "Where is my order?");

    try (FakeJira jira = new FakeJira(FakeJira.Flavour.CLOUD);
        Browser agent = Browser.open(api.baseUrl())) {
      enableJira(t, jira);
      agent.signIn(t.slug(), "agent@" + t.slug() + ".test");

      // The inbox's search box finds conversations by the customer, not only customers.
      agent.click(By.id("queue-all"));
      agent.find(By.cssSelector("[data-conversation-id='" + boris + "']"));
      agent.type(By.id("conversation-search"), "kuznetsova");
      agent.until(d -> rows(agent).equals(List.of(olga)));
      agent.type(By.id("conversation-search"), "boris-p@customer");
      agent.until(d -> rows(agent).equals(List.of(boris)));
      agent.type(By.id("conversation-search"), "nobody-at-all");
      agent.withText(By.cssSelector("#inbox-list .empty"), "No conversations match “nobody-at-all”");
      agent.type(By.id("conversation-search"), "Olga");
      agent.until(d -> rows(agent).equals(List.of(olga)));
      agent.screenshot("inbox-search");
      agent.click(By.cssSelector("[data-conversation-id='" + olga + "'] a"));
      agent.withText(By.cssSelector(".entry.customer"), "My samovar was charged twice");
      agent.click(By.id("assign-me"));
      agent.withText(By.id("conversation-header"), "Assigned to Ivan Agent");

      // Complaint: marked, then its steps one after another (no skipping to the apology).
      agent.click(By.id("mark-complaint"));
      agent.withText(By.id("complaint-progress"), "0 of 5 steps");
      assertFalse(agent.find(By.cssSelector("#complaint-steps input[name=APOLOGISED]")).isEnabled(),
          "the apology comes after thanks and the explanation");
      agent.click(By.cssSelector("#complaint-steps input[name=THANKED]"));
      agent.withText(By.id("complaint-progress"), "1 of 5 steps");
      agent.click(By.cssSelector("#complaint-steps input[name=EXPLAINED]"));
      agent.withText(By.id("complaint-progress"), "2 of 5 steps");
      agent.until(d -> agent.find(By.cssSelector("#complaint-steps input[name=APOLOGISED]")).isEnabled());
      assertEquals(List.of("THANKED", "EXPLAINED"), texts(view(t, olga).get("complaintProgress").get("steps")));

      // Callback: phone and preferred time shown (cancelled further down).
      agent.type(By.cssSelector("#callback-form input[name=phone]"), "+7 999 123-45-67");
      setValue(agent, agent.find(By.cssSelector("#callback-form input[name=preferredAt]")), "2026-12-01T13:30");
      agent.click(By.cssSelector("#callback-form button[type=submit]"));
      String requested = agent.textWith(By.id("callback-requested"), "Call +7 999 123-45-67");
      assertTrue(requested.contains("2026") && requested.contains("1:30"), requested);
      JsonNode callback = view(t, olga).get("callback");
      assertEquals("+7 999 123-45-67", callback.get("phone").asText());
      assertFalse(callback.get("preferredAt").isNull());

      // Attachments: a file on a reply (the customer gets it) and one on an internal note (never).
      Path files = Files.createTempDirectory("deskbridge-attachments-");
      Path receipt = write(files.resolve("receipt.txt"), RECEIPT);
      Path memo = write(files.resolve("refund-memo.txt"), MEMO);
      agent.type(By.id("composer-text"), "Here is your receipt.");
      agent.find(By.id("composer-files")).sendKeys(receipt.toString());
      agent.click(By.id("composer-send"));
      agent.withText(By.cssSelector(".entry.agent .attachment"), "receipt.txt");
      agent.click(By.id("mode-note"));
      agent.type(By.id("composer-text"), "Refund memo attached.");
      agent.find(By.id("composer-files")).sendKeys(memo.toString());
      agent.click(By.id("composer-send"));
      agent.withText(By.cssSelector(".entry.internal .attachment"), "refund-memo.txt");
      agent.click(By.id("mode-reply"));
      // A live update may redraw the timeline meanwhile: click the link as drawn now until it is ready,
      // and take the address of the link that was ready (a redrawn one starts again without it).
      String href = agent.until(d -> {
        WebElement current = agent.withText(By.cssSelector(".entry.agent .attachment"), "receipt.txt");
        if (current.getDomAttribute("data-ready") == null) {
          current.click();
        }
        return "true".equals(current.getDomAttribute("data-ready")) ? current.getDomProperty("href") : null;
      });
      assertEquals(RECEIPT, download(agent, href), "the agent's link gives the file's bytes");
      // The customer's side: the channel's inbound key reads the transcript and fetches the file.
      String channelKey = api.post(t.path("/api-keys"), t.adminToken(), Map.of("name", "Site chat", "scope", "INBOUND"))
          .json().get("key").asText();
      List<String> customerFiles = new ArrayList<>();
      List<Long> customerFileIds = new ArrayList<>();
      api.get(t.path("/inbound/conversations/" + olga + "/messages"), channelKey).json().get("items")
          .forEach(m -> m.get("attachments").forEach(a -> {
            customerFiles.add(a.get("name").asText() + " " + a.get("contentType").asText() + " " + a.get("size").asLong());
            customerFileIds.add(a.get("id").asLong());
          }));
      assertEquals(List.of("receipt.txt text/plain " + RECEIPT.getBytes(StandardCharsets.UTF_8).length),
          customerFiles, "the customer's transcript has the reply's file and never the note's");
      assertEquals(RECEIPT, new String(api.download(t.path("/inbound/conversations/" + olga + "/attachments/"
          + customerFileIds.get(0)), channelKey), StandardCharsets.UTF_8));
      long memoId = -1;
      for (JsonNode m : api.get(t.path("/conversations/" + olga + "/messages"), t.agentToken()).json().get("items")) {
        if (m.get("visibility").asText().equals("INTERNAL") && !m.get("attachments").isEmpty()) {
          memoId = m.get("attachments").get(0).get("id").asLong();
        }
      }
      Problems.assertProblem(api.get(t.path("/inbound/conversations/" + olga + "/attachments/" + memoId), channelKey),
          404, "not-found");

      // A module's action: the Jira module's "Create Jira task", queued, then the issue's link.
      agent.click(By.cssSelector("#module-actions details[data-action='jira.create'] summary"));
      agent.type(By.cssSelector("form[data-action='jira.create'] input[name=summary]"), "Samovar charged twice");
      agent.click(By.cssSelector("form[data-action='jira.create'] button[type=submit]"));
      agent.withText(By.cssSelector("form[data-action='jira.create'] .tool-result"), "Queued");
      agent.withText(By.cssSelector("#conversation-header .external-link"), "jira: SUP-");
      agent.withText(By.cssSelector("form[data-action='jira.create'] .tool-result"), "Done");
      assertEquals(1, jira.issues().size());
      JsonNode issue = jira.issues().get(0);
      assertEquals("Samovar charged twice", issue.get("fields").get("summary").asText());
      assertFalse(issue.toString().contains("Refund memo attached"), "internal notes go to Jira only if ticked");
      assertEquals(List.of(), jira.specViolations());

      // Transfer: to Billing with a reason and a note; the origin links to the new request.
      new Select(agent.find(By.cssSelector("#transfer-form select[name=departmentId]"))).selectByVisibleText("Billing");
      agent.until(d -> {
        new Select(d.findElement(By.cssSelector("#transfer-form select[name=reasonId]")))
            .selectByVisibleText("Double charge");
        return true;
      });
      agent.type(By.cssSelector("#transfer-form textarea[name=note]"), "Charged twice on 3 May, card ending 4242");
      agent.click(By.cssSelector("#transfer-form button[type=submit]"));
      WebElement opened = agent.find(By.id("transfer-request"));
      long request = Long.parseLong(opened.getText().substring(1));
      agent.withText(By.id("transfer-result"), "Passed on to Billing");
      agent.withText(By.cssSelector("#conversation-header .related-link"), "Transferred to #" + request);
      agent.withText(By.cssSelector(".entry.agent"), "Billing will write to you today.");
      assertEquals(billing, view(t, request).get("departmentId").asLong());
      ((JavascriptExecutor) agent.driver).executeScript("window.scrollTo(0, 0)");
      agent.screenshot("conversation-actions");
      ((JavascriptExecutor) agent.driver).executeScript(
          "document.getElementById('conversation-tools').scrollIntoView({block: 'start'})");
      agent.screenshot("conversation-tools");

      // The call was made (or is no longer wanted): the request goes away.
      agent.click(By.id("callback-done"));
      agent.until(d -> d.findElements(By.id("callback-requested")).isEmpty());
      agent.until(d -> view(t, olga).get("callback").isNull());

      // The receiving department finds it in its queue, with the note and the link back.
      agent.go("/app/#/inbox/all");
      agent.until(d -> {
        new Select(d.findElement(By.cssSelector(".inbox-filters select[name=department]"))).selectByVisibleText("Billing");
        return true;
      });
      agent.until(d -> rows(agent).equals(List.of(request)));
      agent.click(By.cssSelector("[data-conversation-id='" + request + "'] a"));
      agent.withText(By.cssSelector(".entry.internal"), "Charged twice on 3 May, card ending 4242");
      agent.withText(By.cssSelector("#conversation-header .related-link"), "Transferred from #" + olga).click();
      agent.withText(By.cssSelector(".entry.customer"), "My samovar was charged twice");
      agent.until(d -> d.getCurrentUrl().endsWith("#/conversations/" + olga));
    }
  }

  private static long conversation(TestTenant t, String externalId, String name, String text) {
    Map<String, Object> body = Map.of("channel", "api", "externalMessageId", "m-" + externalId, "text", text,
        "customer", Map.of("externalId", externalId, "name", name, "email", externalId + "@customer.test"));
    Api.Reply receipt = api.post(t.path("/inbound/messages"), t.agentToken(), body);
    assertEquals(201, receipt.status(), receipt::toString);
    return receipt.json().get("conversationId").asLong();
  }

  private static void enableJira(TestTenant t, FakeJira jira) {
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", jira.url());
    config.put("deployment", "cloud");
    config.put("email", FakeJira.EMAIL);
    config.put("apiToken", FakeJira.API_TOKEN);
    config.put("webhookSecret", "conversation-actions-secret");
    Api.Reply enabled = api.put(t.path("/modules/jira"), t.adminToken(), Map.of("enabled", true, "config", config));
    assertEquals(200, enabled.status(), enabled::toString);
  }

  /** The conversation ids the inbox lists, top to bottom. */
  private static List<Long> rows(Browser browser) {
    return browser.all(By.cssSelector("#inbox-list .inbox-row")).stream()
        .map(row -> Long.parseLong(row.getDomAttribute("data-conversation-id"))).toList();
  }

  private static JsonNode view(TestTenant t, long id) {
    Api.Reply reply = api.get(t.path("/conversations/" + id), t.agentToken());
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  /** Sets an input the way a picker does (a datetime-local field cannot be typed into portably). */
  private static void setValue(Browser browser, WebElement input, String value) {
    ((JavascriptExecutor) browser.driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        input, value);
  }

  /** What the link hands the browser when followed: the text behind its (blob) address. */
  private static String download(Browser browser, String href) {
    assertNotNull(href);
    assertTrue(href.startsWith("blob:"), "the token never goes into a URL: " + href);
    Object text = ((JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
        href);
    return String.valueOf(text);
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
