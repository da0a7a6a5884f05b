package io.deskbridge.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The folder, embedded database and settings of a server a test kills with -9 and starts again on
 * the same data: short outbox leases, so the restarted server takes over the dead one's jobs soon.
 */
record CrashSite(Path work, String adminToken, Map<String, String> env, Path log) {

  static CrashSite prepare(String name, Map<String, String> extraEnv) throws IOException {
    Path work = DeskbridgeServer.workDir().resolve(name);
    ServerProcess.deleteTree(work);
    Files.createDirectories(work);
    String adminToken = name + "-admin-" + UUID.randomUUID();
    Map<String, String> env = new HashMap<>(Map.of(
        "DESKBRIDGE_DB_URL", "embedded",
        "DESKBRIDGE_DATA_DIR", work.resolve("data").toString(),
        "DESKBRIDGE_ADMIN_TOKEN", adminToken,
        "DESKBRIDGE_DEMO", "false",
        "DESKBRIDGE_OUTBOX_LEASE", "PT5S"));
    env.putAll(extraEnv);
    return new CrashSite(work, adminToken, Map.copyOf(env), work.resolve("payara-micro.log"));
  }
}
