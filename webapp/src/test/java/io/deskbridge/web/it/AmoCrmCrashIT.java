package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.plugin.amocrm.FakeAmoCrm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kills the server (SIGKILL) while amoCRM has stored a note but not yet answered, restarts it on the
 * same data, and checks that the chat ends up in amoCRM complete, in order, with nothing twice.
 */
class AmoCrmCrashIT {

  static final int MESSAGES = 30;

  @Test
  void aKillMidSyncFinishesWithNoDuplicateContactLeadOrNote() throws Exception {
    CrashSite site = CrashSite.prepare("amocrm-crash", Map.of("DESKBRIDGE_OUTBOX_RETRY_BASE", "PT0.05S"));
    Path work = site.work();
    String adminToken = site.adminToken();
    Map<String, String> env = site.env();
    Path log = site.log();

    try (FakeAmoCrm amo = new FakeAmoCrm()) {
      amo.delayNoteAnswers(Duration.ofMillis(700));
      ServerProcess first = ServerProcess.start(work.resolve("root-1"), log, env);
      TestTenant tenant;
      try {
        Api api = first.api();
        tenant = TestTenant.createWith(api, adminToken, "amo-crash");
        Api.Reply enabled = api.put(tenant.path("/modules/amocrm"), tenant.adminToken(), Map.of("enabled", true,
            "config", Map.of("baseUrl", amo.url(), "authMode", "token", "accessToken", amo.longLivedToken())));
        assertEquals(200, enabled.status(), enabled::toString);
        for (int i = 1; i <= MESSAGES; i++) {
          Api.Reply posted = tenant.inbound(api, tenant.agentToken(), "crash-" + i, "crash-customer", "message " + i);
          assertEquals(201, posted.status(), posted::toString);
        }
        Await.until(() -> notes(amo), n -> n.size() >= 5, Duration.ofMinutes(2));
      } finally {
        first.kill();
      }
      int atKill = notes(amo).size();
      assertTrue(atKill < MESSAGES, "the kill came while notes were still being written");

      amo.delayNoteAnswers(Duration.ZERO);
      try (ServerProcess second = ServerProcess.start(work.resolve("root-2"), log, env)) {
        List<String> notes = Await.until(() -> notes(amo), n -> n.size() >= MESSAGES, Duration.ofMinutes(2));
        Thread.sleep(6000); // a job the kill left in flight comes back after its lease: give it the time
        notes = notes(amo);
        assertEquals(1, amo.contacts().size(), amo.contacts()::toString);
        assertEquals(1, amo.leads().size(), amo.leads()::toString);
        assertEquals(MESSAGES, notes.size(), "no note twice, none lost: " + notes);
        assertEquals(MESSAGES, new HashSet<>(notes).size());
        for (int i = 1; i <= MESSAGES; i++) {
          assertTrue(notes.get(i - 1).contains("\nmessage " + i + "\n"), i + ": " + notes.get(i - 1));
        }
        assertEquals(0, second.api().get(tenant.path("/outbox?state=DEAD"), tenant.adminToken()).json()
            .get("items").size());
      }
    }
  }

  private static List<String> notes(FakeAmoCrm amo) {
    return amo.leads().isEmpty() ? List.of() : amo.noteTexts(amo.leads().get(0).get("id").asLong());
  }
}
