package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database, as a cluster behind a load balancer runs: they share the
 * outbox (1,000 events queued through both are each delivered exactly once, and both do part of the
 * work), an agent's sign-in (a token from one instance works on the other, a sign-out on one ends it on
 * both) and live updates (an agent whose stream is served by one instance sees what arrived through
 * the other). Runs in the PostgreSQL pass of CI (embedded H2 cannot be shared by two processes).
 */
class ClusterIT {

  static final int MESSAGES = 1000;

  static TwoInstances cluster;
  static TestTenant tenant;

  @BeforeAll
  static void start() throws Exception {
    cluster = TwoInstances.start("cluster", Map.of());
    tenant = TestTenant.createWith(cluster.a(), cluster.adminToken, "cluster");
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void twoInstancesDeliverEveryJobExactlyOnce() throws Exception {
    Api a = cluster.a();
    Api b = cluster.b();
    try (Receiver receiver = new Receiver()) {
      receiver.answer("/cluster", new Receiver.Answer(200, null, Duration.ofMillis(5)));
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
    } finally {
      a.delete(tenant.path("/modules/webhook?discardPending=true"), tenant.adminToken());
    }
  }

  @Test
  void anAgentSignedInOnOneInstanceWorksOnTheOtherAndSeesItsLiveUpdates() throws Exception {
    Api a = cluster.a();
    Api b = cluster.b();
    String token = TestTenant.login(a, tenant.slug(), "agent@" + tenant.slug() + ".test", TestTenant.PASSWORD)
        .json().get("token").asText();
    assertEquals(200, b.get("/api/v1/auth/me", token).status(), "the sign-in made on a works on b");

    List<String> stream = new CopyOnWriteArrayList<>();
    HttpRequest live = HttpRequest.newBuilder(URI.create(b.baseUrl() + tenant.path("/live")))
        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
    var connection = HttpClient.newHttpClient().sendAsync(live, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> response.body().forEach(stream::add));
    try {
      Thread.sleep(1500); // the stream's first look at the database is its starting point
      Api.Reply receipt = tenant.inbound(a, tenant.agentToken(), "live-1", "live-customer", "Is anyone there?");
      assertEquals(201, receipt.status(), receipt::toString);
      String conversation = "\"conversationId\":" + receipt.json().get("conversationId").asLong();
      Await.until(() -> stream, lines -> lines.stream()
          .anyMatch(line -> line.startsWith("data:") && line.contains(conversation)), Duration.ofSeconds(15));
    } finally {
      connection.cancel(true);
    }

    assertEquals(204, b.post("/api/v1/auth/logout", token, "").status(), "signed out on b");
    assertEquals(401, a.get("/api/v1/auth/me", token).status(), "the token is refused on a at once");
  }

  private static long delivered(Api api) {
    return TwoInstances.counter(api, "deskbridge_outbox_delivered_total", "module=\"webhook\"");
  }
}
