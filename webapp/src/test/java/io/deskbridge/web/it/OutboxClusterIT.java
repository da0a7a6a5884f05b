package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database share the outbox: 1,000 events queued through both are
 * each delivered exactly once, and both instances do part of the work. Runs in the PostgreSQL pass
 * of CI (embedded H2 cannot be shared by two processes).
 */
class OutboxClusterIT {

  static final int MESSAGES = 1000;

  @Test
  void twoInstancesDeliverEveryJobExactlyOnce() throws Exception {
    try (TwoInstances cluster = TwoInstances.start("cluster", Map.of());
        Receiver receiver = new Receiver()) {
      Api a = cluster.a();
      Api b = cluster.b();
      receiver.answer("/cluster", new Receiver.Answer(200, null, Duration.ofMillis(5)));
      TestTenant tenant = TestTenant.createWith(a, cluster.adminToken, "cluster");
      Api.Reply enabled = a.put(tenant.path("/modules/webhook"), tenant.adminToken(), Map.of("enabled", true,
          "config", Map.of("url", receiver.url("/cluster"), "secret", "cluster-secret",
              "events", List.of("message.created"))));
      assertEquals(200, enabled.status(), enabled::toString);
      for (int i = 0; i < MESSAGES; i++) {
        Api api = i % 2 == 0 ? a : b;
        assertEquals(201, tenant.inbound(api, tenant.agentToken(), "cl-" + i, "cc" + (i % 100), "m" + i).status());
      }
      List<Receiver.Call> calls = receiver.await("/cluster", c -> c.size() >= MESSAGES, Duration.ofMinutes(3));
      Thread.sleep(2000);
      calls = receiver.calls("/cluster");
      Map<String, Integer> perDelivery = new HashMap<>();
      calls.forEach(c -> perDelivery.merge(c.header("X-Deskbridge-Delivery"), 1, Integer::sum));
      assertEquals(MESSAGES, perDelivery.size(), "every event arrived");
      assertEquals(MESSAGES, calls.size(), "no event arrived twice");
      assertTrue(delivered(a) > 0 && delivered(b) > 0, "both instances delivered part of the jobs");
      assertEquals(MESSAGES, delivered(a) + delivered(b));
      System.out.printf("Cluster test: instance A delivered %d, instance B %d of %d events%n",
          delivered(a), delivered(b), MESSAGES);
    }
  }

  private static long delivered(Api api) {
    return TwoInstances.counter(api, "deskbridge_outbox_delivered_total", "module=\"webhook\"");
  }
}
