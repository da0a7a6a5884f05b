package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pulls the plug: a server delivering 500 webhook events is killed with SIGKILL halfway, restarted
 * on the same data, and must deliver every event. Delivery is at least once: the jobs that were in
 * flight at the kill (the receiver had them, the server had not recorded it) come again with the
 * same delivery id, so a receiver that dedupes on X-Deskbridge-Delivery sees each event once.
 */
class OutboxCrashIT {

  static final int MESSAGES = 500;
  static final int CUSTOMERS = 50;
  static final int BATCH = 16;

  @Test
  void everyEventIsDeliveredAfterAKillAndNoneIsLostOrDuplicatedBeyondWhatWasInFlight() throws Exception {
    CrashSite site = CrashSite.prepare("crash", Map.of("DESKBRIDGE_OUTBOX_BATCH", Integer.toString(BATCH)));
    Path work = site.work();
    String adminToken = site.adminToken();
    Map<String, String> env = site.env();
    Path log = site.log();

    try (Receiver receiver = new Receiver()) {
      receiver.answer("/crash", new Receiver.Answer(200, null, Duration.ofMillis(1500)));
      ServerProcess first = ServerProcess.start(work.resolve("root-1"), log, env);
      TestTenant tenant;
      try {
        Api api = first.api();
        tenant = TestTenant.createWith(api, adminToken, "crash");
        Api.Reply enabled = api.put(tenant.path("/modules/webhook"), tenant.adminToken(), Map.of("enabled", true,
            "config", Map.of("url", receiver.url("/crash"), "secret", "crash-secret",
                "events", List.of("message.created"))));
        assertEquals(200, enabled.status(), enabled::toString);
        for (int i = 0; i < MESSAGES; i++) {
          Api.Reply posted = tenant.inbound(api, tenant.agentToken(), "crash-" + i, "c" + (i % CUSTOMERS), "m" + i);
          assertEquals(201, posted.status(), posted::toString);
        }
        receiver.await("/crash", c -> c.size() >= 40, Duration.ofMinutes(2));
      } finally {
        first.kill();
      }
      int seenAtKill = receiver.calls("/crash").size();
      assertTrue(seenAtKill < MESSAGES, "the kill came while deliveries were still going");

      receiver.answer("/crash", Receiver.Answer.ok());
      try (ServerProcess second = ServerProcess.start(work.resolve("root-2"), log, env)) {
        List<Receiver.Call> calls = receiver.await("/crash",
            c -> c.stream().map(x -> x.header("X-Deskbridge-Delivery")).distinct().count() >= MESSAGES,
            Duration.ofMinutes(3));

        Map<String, Integer> perDelivery = new HashMap<>();
        calls.forEach(c -> perDelivery.merge(c.header("X-Deskbridge-Delivery"), 1, Integer::sum));
        assertEquals(MESSAGES, perDelivery.size(), "every event arrived");
        int duplicates = calls.size() - perDelivery.size();
        System.out.printf("Crash test: receiver had %d deliveries at the kill; %d events, %d deliveries,"
            + " %d repeated after the restart%n", seenAtKill, perDelivery.size(), calls.size(), duplicates);
        assertTrue(duplicates <= BATCH, "only jobs in flight at the kill may come twice; got " + duplicates);
        assertTrue(perDelivery.values().stream().allMatch(n -> n <= 2), "no event came more than twice");

        assertInOrderPerConversation(calls);
        JsonNode done = second.api().get(tenant.path("/outbox?state=DONE&limit=100"), tenant.adminToken()).json();
        assertEquals(100, done.get("items").size());
        assertEquals(0, second.api().get(tenant.path("/outbox?state=DEAD"), tenant.adminToken()).json()
            .get("items").size());
      }
    }
  }

  /** For each conversation, the first arrival of each message follows the order they were written. */
  private static void assertInOrderPerConversation(List<Receiver.Call> calls) throws Exception {
    Map<Long, List<Long>> firstSeen = new LinkedHashMap<>();
    Map<String, Boolean> counted = new HashMap<>();
    for (Receiver.Call call : calls) {
      if (counted.putIfAbsent(call.header("X-Deskbridge-Delivery"), true) != null) {
        continue;
      }
      JsonNode data = Api.JSON.readTree(call.body()).get("data");
      firstSeen.computeIfAbsent(data.get("conversationId").asLong(), k -> new ArrayList<>())
          .add(data.get("messageId").asLong());
    }
    firstSeen.forEach((conversation, ids) ->
        assertEquals(ids.stream().sorted().toList(), ids, "order of conversation " + conversation));
  }
}
