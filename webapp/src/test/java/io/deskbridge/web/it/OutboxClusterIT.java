package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    String url = System.getenv("DESKBRIDGE_DB_URL");
    assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "needs DESKBRIDGE_DB_URL on PostgreSQL");
    String database = "deskbridge_cluster_" + UUID.randomUUID().toString().substring(0, 8);
    String clusterUrl = createDatabase(url, database);

    Path work = DeskbridgeServer.workDir().resolve("cluster");
    ServerProcess.deleteTree(work);
    Files.createDirectories(work);
    try {
      deliverThroughTwoInstances(clusterUrl, work);
    } finally {
      dropDatabase(url, database);
    }
  }

  private static void deliverThroughTwoInstances(String clusterUrl, Path work) throws Exception {
    String adminToken = "cluster-admin-" + UUID.randomUUID();
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    Map<String, String> env = Map.of(
        "DESKBRIDGE_DB_URL", clusterUrl,
        "DESKBRIDGE_ADMIN_TOKEN", adminToken,
        "DESKBRIDGE_SECRET_KEY", Base64.getEncoder().encodeToString(key),
        "DESKBRIDGE_DEMO", "false");
    try (Receiver receiver = new Receiver();
        ServerProcess a = ServerProcess.start(work.resolve("root-a"), work.resolve("a.log"),
            with(env, "DESKBRIDGE_DATA_DIR", work.resolve("data-a").toString()));
        ServerProcess b = ServerProcess.start(work.resolve("root-b"), work.resolve("b.log"),
            with(env, "DESKBRIDGE_DATA_DIR", work.resolve("data-b").toString()))) {
      receiver.answer("/cluster", new Receiver.Answer(200, null, Duration.ofMillis(5)));
      TestTenant tenant = TestTenant.createWith(a.api(), adminToken, "cluster");
      Api.Reply enabled = a.api().put(tenant.path("/modules/webhook"), tenant.adminToken(), Map.of("enabled", true,
          "config", Map.of("url", receiver.url("/cluster"), "secret", "cluster-secret",
              "events", List.of("message.created"))));
      assertEquals(200, enabled.status(), enabled::toString);
      for (int i = 0; i < MESSAGES; i++) {
        Api api = i % 2 == 0 ? a.api() : b.api();
        assertEquals(201, tenant.inbound(api, tenant.agentToken(), "cl-" + i, "cc" + (i % 100), "m" + i).status());
      }
      List<Receiver.Call> calls = receiver.await("/cluster", c -> c.size() >= MESSAGES, Duration.ofMinutes(3));
      Thread.sleep(2000);
      calls = receiver.calls("/cluster");
      Map<String, Integer> perDelivery = new HashMap<>();
      calls.forEach(c -> perDelivery.merge(c.header("X-Deskbridge-Delivery"), 1, Integer::sum));
      assertEquals(MESSAGES, perDelivery.size(), "every event arrived");
      assertEquals(MESSAGES, calls.size(), "no event arrived twice");
      assertTrue(delivered(a.api()) > 0 && delivered(b.api()) > 0, "both instances delivered part of the jobs");
      assertEquals(MESSAGES, delivered(a.api()) + delivered(b.api()));
      System.out.printf("Cluster test: instance A delivered %d, instance B %d of %d events%n",
          delivered(a.api()), delivered(b.api()), MESSAGES);
    }
  }

  private static long delivered(Api api) {
    Matcher m = Pattern.compile("(?m)^deskbridge_outbox_delivered_total\\{[^}]*module=\"webhook\"[^}]*}\\s+([0-9.]+)")
        .matcher(api.get("/metrics", null).raw());
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(key, value);
    return copy;
  }

  private static String createDatabase(String url, String database) throws Exception {
    onServer(url, "CREATE DATABASE " + database);
    return url.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database);
  }

  private static void dropDatabase(String url, String database) throws Exception {
    onServer(url, "DROP DATABASE IF EXISTS " + database);
  }

  private static void onServer(String url, String sql) throws Exception {
    String admin = url.replaceFirst("/[^/?]+(\\?.*)?$", "/postgres");
    try (Connection c = DriverManager.getConnection(admin, System.getenv("DESKBRIDGE_DB_USER"),
        System.getenv("DESKBRIDGE_DB_PASSWORD")); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
