package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.plugin.bitrix.FakeBitrix24;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Kills the server (SIGKILL) while Bitrix24 has written a batch of timeline comments but not yet
 * answered, restarts it on the same data, and checks that the chat ends up on the deal's timeline
 * complete, in order, with no comment twice.
 */
class Bitrix24CrashIT {

  static final int MESSAGES = 40;

  @Test
  void aKillMidBatchFinishesWithNoDuplicateComment() throws Exception {
    Path work = DeskbridgeServer.workDir().resolve("bitrix24-crash");
    ServerProcess.deleteTree(work);
    Files.createDirectories(work);
    String adminToken = "b24-crash-admin-" + UUID.randomUUID();
    Map<String, String> env = Map.of(
        "DESKBRIDGE_DB_URL", "embedded",
        "DESKBRIDGE_DATA_DIR", work.resolve("data").toString(),
        "DESKBRIDGE_ADMIN_TOKEN", adminToken,
        "DESKBRIDGE_DEMO", "false",
        "DESKBRIDGE_OUTBOX_LEASE", "PT5S",
        "DESKBRIDGE_OUTBOX_RETRY_BASE", "PT0.05S");
    Path log = work.resolve("payara-micro.log");

    try (FakeBitrix24 bitrix = new FakeBitrix24()) {
      bitrix.delayBatchAnswers(Duration.ofMillis(1500));
      ServerProcess first = ServerProcess.start(work.resolve("root-1"), log, env);
      TestTenant tenant;
      try {
        Api api = first.api();
        tenant = TestTenant.createWith(api, adminToken, "b24-crash");
        Api.Reply enabled = api.put(tenant.path("/modules/bitrix24"), tenant.adminToken(), Map.of("enabled", true,
            "config", Map.of("baseUrl", bitrix.webhookUrl(), "authMode", "webhook", "entity", "deal")));
        assertEquals(200, enabled.status(), enabled::toString);
        for (int i = 1; i <= MESSAGES; i++) {
          Api.Reply posted = tenant.inbound(api, tenant.agentToken(), "crash-" + i, "crash-customer", "message " + i);
          assertEquals(201, posted.status(), posted::toString);
        }
        // A batch is written but its answer is still on the way: kill now.
        await(() -> comments(bitrix), c -> c.size() >= 2, Duration.ofMinutes(2));
      } finally {
        first.kill();
      }
      int atKill = comments(bitrix).size();
      assertTrue(atKill < MESSAGES, "the kill came while comments were still being written");

      bitrix.delayBatchAnswers(Duration.ZERO);
      try (ServerProcess second = ServerProcess.start(work.resolve("root-2"), log, env)) {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(2).toMillis();
        while (comments(bitrix).size() < MESSAGES && System.currentTimeMillis() < deadline) {
          Thread.sleep(200);
        }
        assertEquals(MESSAGES, comments(bitrix).size(), () -> "outbox: "
            + second.api().get(tenant.path("/outbox?state=PENDING"), tenant.adminToken()).raw() + " dead: "
            + second.api().get(tenant.path("/outbox?state=DEAD"), tenant.adminToken()).raw() + " calls: "
            + bitrix.calls().subList(Math.max(0, bitrix.calls().size() - 15), bitrix.calls().size()));
        Thread.sleep(6000); // a job the kill left in flight comes back after its lease: give it the time
        List<String> comments = comments(bitrix);
        assertEquals(1, bitrix.contacts().size(), bitrix.contacts()::toString);
        assertEquals(1, bitrix.deals().size(), bitrix.deals()::toString);
        assertEquals(MESSAGES, comments.size(), "no comment twice, none lost: " + comments);
        assertEquals(MESSAGES, new HashSet<>(comments).size());
        for (int i = 1; i <= MESSAGES; i++) {
          assertTrue(comments.get(i - 1).contains("\nmessage " + i + "\n"), i + ": " + comments.get(i - 1));
        }
        assertTrue(bitrix.calls().contains("crm.timeline.comment.list"),
            "the unanswered batch was looked for on the timeline");
        assertEquals(0, second.api().get(tenant.path("/outbox?state=DEAD"), tenant.adminToken()).json()
            .get("items").size());
      }
    }
  }

  private static List<String> comments(FakeBitrix24 bitrix) {
    return bitrix.deals().isEmpty() ? List.of() : bitrix.comments("deal", bitrix.deals().get(0).path("ID").asLong());
  }

  private static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done, Duration wait)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + wait.toMillis();
    T value = probe.get();
    while (!done.test(value) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      value = probe.get();
    }
    assertTrue(done.test(value), "gave up waiting; last seen " + value);
    return value;
  }
}
