package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Handbook 001's auto-close, with the tenant's windows shortened through the API: silence closes,
 * hold keywords and hold saved replies keep the conversation open, and the "still relevant?" prompt
 * comes first when the tenant wants it. Also: a customer writing again reopens within the window, and
 * the category must be chosen again.
 */
@ExtendWith(DeskbridgeServer.class)
class AutoCloseIT {

  static final Duration WAIT = Duration.ofSeconds(20);
  static Api api;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  static void autoClose(TestTenant t, Map<String, Object> rule) {
    Api.Reply changed = api.put(t.path("/rules/auto-close"), t.adminToken(), rule);
    assertEquals(200, changed.status(), changed::toString);
  }

  static void reply(TestTenant t, long conversation, Map<String, Object> body) {
    Api.Reply posted = api.post(t.path("/conversations/" + conversation + "/messages"), t.agentToken(), body);
    assertEquals(201, posted.status(), posted::toString);
  }

  static JsonNode conversation(TestTenant t, long id) {
    return api.get(t.path("/conversations/" + id), t.agentToken()).json();
  }

  static JsonNode awaitConversation(TestTenant t, long id, Predicate<JsonNode> condition) {
    Instant deadline = Instant.now().plus(WAIT);
    JsonNode seen = conversation(t, id);
    while (!condition.test(seen)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("conversation " + id + " did not change as expected: " + seen);
      }
      SlaIT.sleep(Duration.ofMillis(200));
      seen = conversation(t, id);
    }
    return seen;
  }

  static List<String> texts(TestTenant t, long conversation) {
    List<String> texts = new ArrayList<>();
    api.get(t.path("/conversations/" + conversation + "/messages"), t.agentToken()).json().get("items")
        .forEach(m -> texts.add(m.get("authorType").asText() + ": " + m.get("text").asText()));
    return texts;
  }

  @Test
  void silenceClosesWithAReasonAndSuchACloseCannotBeRated() {
    TestTenant t = TestTenant.create(api, "ac-silence");
    autoClose(t, Map.of("silence", "PT2S"));
    long conversation = t.newConversation(api, "silent-customer");
    Instant answered = Instant.now();
    reply(t, conversation, Map.of("text", "Done, the export works again.", "visibility", "PUBLIC"));

    JsonNode closed = awaitConversation(t, conversation, c -> c.get("status").asText().equals("CLOSED"));
    assertTrue(Instant.parse(closed.get("closedAt").asText()).isAfter(answered.plusSeconds(2)),
        "not before the silence window");
    assertEquals("silence", closed.get("closeReason").asText());
    assertFalse(closed.get("rateable").asBoolean());
    assertNull(closed.get("categoryId").textValue(), "the system closes without a category");
  }

  @Test
  void aHoldKeywordOrAHoldSavedReplyKeepsTheConversationOpen() {
    TestTenant t = TestTenant.create(api, "ac-hold");
    autoClose(t, Map.of("silence", "PT2S"));
    long keyword = t.newConversation(api, "keyword-customer");
    reply(t, keyword, Map.of("text", "Одну Минутку, уточняю.", "visibility", "PUBLIC"));
    long hold = api.post(t.path("/saved-replies"), t.adminToken(), Map.of("title", "Checking",
        "body", "Let me look into it.", "language", "en", "hold", true)).id();
    long savedReply = t.newConversation(api, "saved-reply-customer");
    reply(t, savedReply, Map.of("text", "Let me look into it.", "visibility", "PUBLIC", "savedReplyId", hold));
    long plain = t.newConversation(api, "plain-customer");
    reply(t, plain, Map.of("text", "Let me look into it.", "visibility", "PUBLIC"));

    awaitConversation(t, plain, c -> c.get("status").asText().equals("CLOSED"));
    assertEquals("OPEN", conversation(t, keyword).get("status").asText(), "hold keyword");
    assertEquals("OPEN", conversation(t, savedReply).get("status").asText(), "hold saved reply");
  }

  @Test
  void theTenantsOwnHoldKeywordsReplaceTheDefaults() {
    TestTenant t = TestTenant.create(api, "ac-keywords");
    autoClose(t, Map.of("silence", "PT2S", "holdKeywords", List.of("checking")));
    long own = t.newConversation(api, "own-keyword");
    reply(t, own, Map.of("text", "Still CHECKING the logs.", "visibility", "PUBLIC"));
    long russian = t.newConversation(api, "default-keyword");
    reply(t, russian, Map.of("text", "Одну минуту.", "visibility", "PUBLIC"));

    awaitConversation(t, russian, c -> c.get("status").asText().equals("CLOSED"));
    assertEquals("OPEN", conversation(t, own).get("status").asText());
    JsonNode rules = api.get(t.path("/rules"), t.agentToken()).json();
    assertEquals("[\"checking\"]", rules.get("autoClose").get("holdKeywords").toString());
  }

  @Test
  void thePromptComesFirstThenTheCloseUnlessTheCustomerAnswers() {
    TestTenant t = TestTenant.create(api, "ac-prompt");
    autoClose(t, Map.of("silence", "PT2S", "promptWait", "PT3S",
        "prompts", Map.of("ru", "Вопрос еще актуален?", "en", "Is your question still relevant?")));
    long ignored = t.newConversation(api, "ignoring-customer");
    reply(t, ignored, Map.of("text", "Try restarting the app.", "visibility", "PUBLIC"));
    long answering = t.newConversation(api, "answering-customer");
    reply(t, answering, Map.of("text", "Try clearing the cache.", "visibility", "PUBLIC"));

    Instant deadline = Instant.now().plus(WAIT);
    while (!texts(t, answering).contains("SYSTEM: Вопрос еще актуален?") && Instant.now().isBefore(deadline)) {
      SlaIT.sleep(Duration.ofMillis(200));
    }
    assertEquals("OPEN", conversation(t, answering).get("status").asText(), "the prompt does not close");
    t.inbound(api, t.agentToken(), "answer-1", "answering-customer", "Yes, still broken");

    JsonNode closed = awaitConversation(t, ignored, c -> c.get("status").asText().equals("CLOSED"));
    assertEquals("no-answer-to-prompt", closed.get("closeReason").asText());
    assertTrue(texts(t, ignored).contains("SYSTEM: Вопрос еще актуален?"), () -> texts(t, ignored).toString());
    assertEquals(1, texts(t, ignored).stream().filter(x -> x.startsWith("SYSTEM")).count(), "one prompt");
    SlaIT.sleep(Duration.ofSeconds(4));
    assertEquals("OPEN", conversation(t, answering).get("status").asText(), "the customer answered the prompt");
    JsonNode lastAgent = conversation(t, answering).get("lastAgentMessageAt");
    assertTrue(lastAgent.isTextual(), "the prompt did not count as an agent message");
  }

  @Test
  void switchedOffNothingCloses() {
    TestTenant t = TestTenant.create(api, "ac-off");
    autoClose(t, Map.of("enabled", false, "silence", "PT1S"));
    long conversation = t.newConversation(api, "calm-customer");
    reply(t, conversation, Map.of("text", "Here you go.", "visibility", "PUBLIC"));
    SlaIT.sleep(Duration.ofSeconds(3));
    assertEquals("OPEN", conversation(t, conversation).get("status").asText());
  }

  @Test
  void aCustomerWritingAgainReopensWithinTheWindowAndTheCategoryMustBeChosenAgain() {
    TestTenant t = TestTenant.create(api, "ac-reopen");
    long conversation = t.newConversation(api, "returning-customer");
    api.put(t.path("/conversations/" + conversation + "/category"), t.agentToken(), Map.of("categoryId", t.categoryId()));
    assertEquals(200, api.post(t.path("/conversations/" + conversation + "/close"), t.agentToken(), Map.of()).status());

    Api.Reply again = t.inbound(api, t.agentToken(), "again-1", "returning-customer", "One more thing");
    assertEquals(conversation, again.json().get("conversationId").asLong(), "the same dialog continues");
    JsonNode reopened = conversation(t, conversation);
    assertEquals("OPEN", reopened.get("status").asText());
    assertNull(reopened.get("categoryId").textValue());
    assertProblem(api.post(t.path("/conversations/" + conversation + "/close"), t.agentToken(), Map.of()), 422,
        "category-required");

    api.put(t.path("/rules/workflow"), t.adminToken(), Map.of("reopenWindow", "PT0S"));
    api.put(t.path("/conversations/" + conversation + "/category"), t.agentToken(), Map.of("categoryId", t.categoryId()));
    api.post(t.path("/conversations/" + conversation + "/close"), t.agentToken(), Map.of());
    Api.Reply later = t.inbound(api, t.agentToken(), "again-2", "returning-customer", "Another question");
    assertTrue(later.json().get("conversationId").asLong() != conversation, "a zero window opens a new dialog");
  }
}
