package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two Deskbridge instances on one scratch PostgreSQL database of their own, as a cluster runs: same
 * admin token and secret key, separate data directories. Skips the calling test unless
 * DESKBRIDGE_DB_URL names PostgreSQL (embedded H2 cannot be shared by two processes). Closing stops
 * both servers and drops the database.
 */
final class TwoInstances implements AutoCloseable {

  final String adminToken = "cluster-admin-" + UUID.randomUUID();
  private final String serverUrl;
  private final String database;
  private ServerProcess a;
  private ServerProcess b;

  private TwoInstances(String serverUrl, String database) {
    this.serverUrl = serverUrl;
    this.database = database;
  }

  /** Starts both instances in target/it/{name}; {@code extraEnv} is added to their environment. */
  static TwoInstances start(String name, Map<String, String> extraEnv) throws Exception {
    String url = System.getenv("DESKBRIDGE_DB_URL");
    assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "needs DESKBRIDGE_DB_URL on PostgreSQL");
    TwoInstances cluster = new TwoInstances(url, "deskbridge_" + name.replace('-', '_') + "_"
        + UUID.randomUUID().toString().substring(0, 8));
    cluster.onServer("CREATE DATABASE " + cluster.database);
    try {
      Path work = DeskbridgeServer.workDir().resolve(name);
      ServerProcess.deleteTree(work);
      Files.createDirectories(work);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Map<String, String> env = new HashMap<>(extraEnv);
      env.put("DESKBRIDGE_DB_URL", url.replaceFirst("/[^/?]+(\\?.*)?$", "/" + cluster.database));
      env.put("DESKBRIDGE_ADMIN_TOKEN", cluster.adminToken);
      env.put("DESKBRIDGE_SECRET_KEY", Base64.getEncoder().encodeToString(key));
      env.put("DESKBRIDGE_DEMO", "false");
      cluster.a = ServerProcess.start(work.resolve("root-a"), work.resolve("a.log"),
          with(env, "DESKBRIDGE_DATA_DIR", work.resolve("data-a").toString()));
      cluster.b = ServerProcess.start(work.resolve("root-b"), work.resolve("b.log"),
          with(env, "DESKBRIDGE_DATA_DIR", work.resolve("data-b").toString()));
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  Api a() {
    return a.api();
  }

  Api b() {
    return b.api();
  }

  /** The first line of counter {@code name} on an instance's /metrics whose labels match {@code labelPattern}. */
  static long counter(Api api, String name, String labelPattern) {
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*" + labelPattern + "[^}]*})?\\s+([0-9.Ee+-]+)")
        .matcher(api.get("/metrics", null).raw());
    return m.find() ? (long) Double.parseDouble(m.group(2)) : 0;
  }

  @Override
  public void close() throws Exception {
    try {
      if (b != null) {
        b.close();
      }
      if (a != null) {
        a.close();
      }
    } finally {
      onServer("DROP DATABASE IF EXISTS " + database);
    }
  }

  private void onServer(String sql) throws Exception {
    String admin = serverUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/postgres");
    try (Connection c = DriverManager.getConnection(admin, System.getenv("DESKBRIDGE_DB_USER"),
        System.getenv("DESKBRIDGE_DB_PASSWORD")); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(key, value);
    return copy;
  }
}
