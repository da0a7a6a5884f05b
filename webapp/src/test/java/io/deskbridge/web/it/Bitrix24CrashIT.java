package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.plugin.bitrix.FakeBitrix24;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Kills the server (SIGKILL) while Bitrix24 has written a batch of timeline comments but not yet
 * answered it, restarts it on the same data, and checks that the chat ends up on the deal's timeline
 * complete, in order, with nothing twice.
 */
class Bitrix24CrashIT {

  static final int MESSAGES = 30;
  /** Sent before the kill's batch is held; the rest of the burst queues up behind it. */
  static final int FIRST = 5;
  static final Duration WAIT = Duration.ofMinutes(4);

  @Test
  void aKillMidBatchFinishesWithNoDuplicateContactDealOrComment() throws Exception {
    CrashSite site = CrashSite.prepare("bitrix24-crash", Map.of("DESKBRIDGE_OUTBOX_RETRY_BASE", "PT0.05S"));
    Path work = site.work();
    String adminToken = site.adminToken();
    Map<String, String> env = site.env();
    Path log = site.log();

    try (FakeBitrix24 bitrix = new FakeBitrix24()) {
      TestTenant tenant;
      ServerProcess first = ServerProcess.start(work.resolve("root-1"), log, env);
      try {
        Api api = first.api();
        tenant = TestTenant.createWith(api, adminToken, "b24-crash");
        Api.Reply enabled = api.put(tenant.path("/modules/bitrix24"), tenant.adminToken(),
            Map.of("enabled", true, "config", webhookConfig(bitrix)));
        assertEquals(200, enabled.status(), enabled::toString);
        bitrix.holdBatches();
        for (int i = 1; i <= FIRST; i++) {
          say(api, tenant, i);
        }
        assertTrue(bitrix.awaitHeldBatch(WAIT), "a batch of comments was written and its answer held");
        for (int i = FIRST + 1; i <= MESSAGES; i++) {
          say(api, tenant, i);
        }
      } finally {
        first.kill();
      }
      int callsAtKill = bitrix.calls().size();
      int atKill = comments(bitrix).size();
      assertTrue(atKill > 0 && atKill <= FIRST, "the held batch's comments were written before the kill: " + atKill);

      bitrix.releaseBatches();
      try (ServerProcess second = ServerProcess.start(work.resolve("root-2"), log, env)) {
        Api api = second.api();
        await(() -> comments(bitrix), c -> c.size() >= MESSAGES);
        // A job the kill left in flight comes back after its leases: settled means nothing left to send.
        await(() -> unsettledJobs(api, tenant), n -> n == 0);

        List<String> comments = comments(bitrix);
        assertEquals(1, bitrix.contacts().size(), bitrix.contacts()::toString);
        assertEquals(1, bitrix.deals().size(), bitrix.deals()::toString);
        assertEquals(0, bitrix.leads().size(), bitrix.leads()::toString);
        assertEquals(MESSAGES, comments.size(), "no comment twice, none lost: " + comments);
        assertEquals(MESSAGES, new HashSet<>(comments).size());
        for (int i = 1; i <= MESSAGES; i++) {
          assertTrue(comments.get(i - 1).contains("\nmessage " + i + "\n[deskbridge message-"),
              i + ": " + comments.get(i - 1));
        }
        List<String> afterRestart = bitrix.calls().subList(callsAtKill, bitrix.calls().size());
        assertTrue(afterRestart.contains("crm.timeline.comment.list"),
            "the restarted server looked for the held batch's comments on the timeline: " + afterRestart);
        assertEquals(0, api.get(tenant.path("/outbox?state=DEAD"), tenant.adminToken()).json()
            .get("items").size());
      }
    }
  }

  private static Map<String, Object> webhookConfig(FakeBitrix24 bitrix) {
    Map<String, Object> config = new HashMap<>();
    config.put("baseUrl", bitrix.webhookUrl());
    config.put("authMode", "webhook");
    config.put("mode", "timeline");
    config.put("entity", "deal");
    config.put("applicationToken", FakeBitrix24.APPLICATION_TOKEN);
    return config;
  }

  private static void say(Api api, TestTenant tenant, int n) {
    Api.Reply posted = tenant.inbound(api, tenant.agentToken(), "crash-" + n, "crash-customer", "message " + n);
    assertTrue(posted.status() == 201 || posted.status() == 200, posted::toString);
  }

  private static List<String> comments(FakeBitrix24 bitrix) {
    return bitrix.deals().isEmpty() ? List.of()
        : bitrix.comments("deal", bitrix.deals().get(0).path("ID").asLong());
  }

  private static int unsettledJobs(Api api, TestTenant tenant) {
    int unsettled = 0;
    for (String state : List.of("PENDING", "IN_FLIGHT")) {
      unsettled += api.get(tenant.path("/outbox?module=bitrix24&state=" + state), tenant.adminToken()).json()
          .get("items").size();
    }
    return unsettled;
  }

  private static <T> T await(Supplier<T> probe, Predicate<T> done) {
    return Await.until(probe, done, WAIT);
  }
}
