package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database sweep the same conversations: every SLA warning and
 * breach is announced once per timer cycle, and every silent conversation gets one prompt and one
 * close, while both instances do part of the checks. Runs in the PostgreSQL pass of CI (embedded H2
 * cannot be shared by two processes).
 */
class SweepClusterIT {

  static final int CONVERSATIONS = 200;
  static final String PROMPT = "Вопрос еще актуален?";

  @Test
  void twoInstancesAnnounceEveryAlertAndCloseEverySilentConversationOnce() throws Exception {
    try (TwoInstances cluster = TwoInstances.start("sweep-cluster", Map.of("DESKBRIDGE_SWEEP_POLL", "PT0.2S"));
        Receiver receiver = new Receiver()) {
      Api a = cluster.a();
      Api b = cluster.b();
      TestTenant tenant = TestTenant.createWith(a, cluster.adminToken, "sweep");
      configure(a, tenant, receiver.url("/sweep"));

      Set<Long> silent = new HashSet<>();
      Set<Long> waiting = new HashSet<>();
      for (int i = 0; i < CONVERSATIONS; i++) {
        Api api = i % 2 == 0 ? a : b;
        long conversation = tenant.newConversation(api, "sw-" + i);
        if (i % 4 == 0) {
          // Answered at once, so the first-reply timer stops early and the silence rule takes over.
          Api.Reply reply = api.post(tenant.path("/conversations/" + conversation + "/messages"),
              tenant.agentToken(), Map.of("text", "Done, the export works again.", "visibility", "PUBLIC"));
          assertEquals(201, reply.status(), reply::toString);
          silent.add(conversation);
        } else {
          waiting.add(conversation);
        }
      }

      try {
        receiver.await("/sweep", calls -> missing(calls, waiting, silent).isEmpty(), Duration.ofMinutes(3));
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "; missing " + missing(receiver.calls("/sweep"), waiting, silent), e);
      }
      // A few more rounds of both sweepers: a duplicate would arrive now.
      Thread.sleep(3000);
      List<Receiver.Call> calls = receiver.calls("/sweep");

      Map<String, Integer> perDelivery = new HashMap<>();
      calls.forEach(c -> perDelivery.merge(c.header("X-Deskbridge-Delivery"), 1, Integer::sum));
      assertEquals(calls.size(), perDelivery.size(), "no delivery arrived twice");
      Map<String, Integer> perCycle = new HashMap<>();
      for (Receiver.Call call : calls) {
        perCycle.merge(cycleOf(call), 1, Integer::sum);
      }
      perCycle.forEach((cycle, count) -> assertEquals(1, count, () -> cycle + " was announced " + count + " times"));
      for (long conversation : waiting) {
        assertTrue(perCycle.keySet().stream().anyMatch(k -> k.startsWith("sla.warned " + conversation + " FIRST_REPLY")),
            "conversation " + conversation + " was warned");
        assertTrue(perCycle.keySet().stream().anyMatch(k -> k.startsWith("sla.breached " + conversation + " FIRST_REPLY")),
            "conversation " + conversation + " breached");
      }
      for (long conversation : silent) {
        assertEquals(1, perCycle.getOrDefault("conversation.closed " + conversation, 0),
            "conversation " + conversation + " was closed once");
        assertClosedAfterOnePrompt(a, tenant, conversation);
      }

      long checkedByA = counter(a, "deskbridge_sweep_checked_total");
      long checkedByB = counter(b, "deskbridge_sweep_checked_total");
      System.out.printf("Sweep cluster test: instance A checked %d, instance B %d conversations; found already"
              + " done when locked: A %d, B %d (%d announcements, %d closes)%n", checkedByA, checkedByB,
          counter(a, "deskbridge_sweep_skipped_total"), counter(b, "deskbridge_sweep_skipped_total"),
          calls.size() - silent.size(), silent.size());
      assertTrue(checkedByA > 0 && checkedByB > 0, "both instances swept part of the conversations");
    }
  }

  private static void configure(Api api, TestTenant tenant, String receiverUrl) {
    Api.Reply hook = api.put(tenant.path("/modules/webhook"), tenant.adminToken(), Map.of("enabled", true,
        "config", Map.of("url", receiverUrl, "secret", "sweep-secret",
            "events", List.of("sla.warned", "sla.breached", "conversation.closed"))));
    assertEquals(200, hook.status(), hook::toString);
    // Warned at 3 s, breached at 10 s: a timer first checked after its breach is only announced as
    // breached, so the wide gap keeps a busy CI machine's late round from skipping a warning.
    Api.Reply policy = api.post(tenant.path("/sla-policies"), tenant.adminToken(), Map.of("name", "Blitz",
        "firstReply", "PT10S", "nextReply", "PT10S", "resolution", "PT1H", "warnAtShare", 0.3));
    assertEquals(201, policy.status(), policy::toString);
    Api.Reply workflow = api.put(tenant.path("/rules/workflow"), tenant.adminToken(),
        Map.of("reopenWindow", "P7D", "defaultPolicyId", policy.id()));
    assertEquals(200, workflow.status(), workflow::toString);
    Api.Reply autoClose = api.put(tenant.path("/rules/auto-close"), tenant.adminToken(), Map.of("silence", "PT2S",
        "promptWait", "PT2S", "prompts", Map.of("ru", PROMPT, "en", "Is your question still relevant?")));
    assertEquals(200, autoClose.status(), autoClose::toString);
  }

  /** What has not arrived yet: a warning and a breach per waiting conversation, a close per silent one. */
  private static List<String> missing(List<Receiver.Call> calls, Set<Long> waiting, Set<Long> silent) {
    Set<String> seen = new HashSet<>();
    calls.forEach(c -> seen.add(eventOf(c)));
    Stream<String> expected = Stream.concat(
        waiting.stream().flatMap(id -> Stream.of("sla.warned " + id, "sla.breached " + id)),
        silent.stream().map(id -> "conversation.closed " + id));
    return expected.filter(e -> !seen.contains(e)).sorted().toList();
  }

  /** Event type and conversation: what {@link #missing} looks for. */
  private static String eventOf(Receiver.Call call) {
    JsonNode payload = json(call);
    return payload.get("event").asText() + " " + payload.get("data").get("conversationId").asLong();
  }

  /** One announcement of one timer cycle, or one close: each must arrive exactly once. */
  private static String cycleOf(Receiver.Call call) {
    JsonNode payload = json(call);
    JsonNode data = payload.get("data");
    String event = payload.get("event").asText();
    String conversation = event + " " + data.get("conversationId").asLong();
    return event.startsWith("sla.")
        ? conversation + " " + data.get("target").asText() + " " + data.get("startedAt").asText()
        : conversation;
  }

  private static JsonNode json(Receiver.Call call) {
    try {
      return Api.JSON.readTree(call.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertClosedAfterOnePrompt(Api api, TestTenant tenant, long conversation) {
    JsonNode closed = api.get(tenant.path("/conversations/" + conversation), tenant.agentToken()).json();
    assertEquals("CLOSED", closed.get("status").asText(), closed::toString);
    assertEquals("no-answer-to-prompt", closed.get("closeReason").asText(), closed::toString);
    JsonNode messages = api.get(tenant.path("/conversations/" + conversation + "/messages"), tenant.agentToken())
        .json().get("items");
    int prompts = 0;
    for (JsonNode message : messages) {
      if (message.get("authorType").asText().equals("SYSTEM")) {
        assertEquals(PROMPT, message.get("text").asText());
        prompts++;
      }
    }
    assertEquals(1, prompts, () -> "one prompt in conversation " + conversation + ": " + messages);
  }

  private static long counter(Api api, String name) {
    return TwoInstances.counter(api, name, "");
  }
}
