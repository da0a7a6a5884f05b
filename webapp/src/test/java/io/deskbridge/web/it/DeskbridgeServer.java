package io.deskbridge.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Boots the real WAR on Payara Micro once per test JVM (all IT classes share it) and hands tests an
 * {@link Api} pointed at it. The database is whatever DESKBRIDGE_DB_URL says (embedded H2 when
 * unset), so the same suite runs on PostgreSQL in CI. The server log is kept in
 * target/it/shared/payara-micro.log.
 */
public class DeskbridgeServer implements BeforeAllCallback, ParameterResolver {

  static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();

  @Override
  public void beforeAll(ExtensionContext context) {
    shared(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Api.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context).server.api();
  }

  private static Shared shared(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Shared.class, k -> Shared.start(), Shared.class);
  }

  /** The suite's server; closed by JUnit when the whole run ends. */
  static final class Shared implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final ServerProcess server;

    private Shared(ServerProcess server) {
      this.server = server;
    }

    static Shared start() {
      Path work = workDir().resolve("shared");
      try {
        ServerProcess.deleteTree(work);
        Files.createDirectories(work);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Shared(ServerProcess.start(work.resolve("payara-root"), work.resolve("payara-micro.log"), Map.of(
          "DESKBRIDGE_ADMIN_TOKEN", ADMIN_TOKEN,
          "DESKBRIDGE_DATA_DIR", work.resolve("data").toString(),
          "DESKBRIDGE_DEMO", "true",
          "DESKBRIDGE_HTTP_MAX_REQUEST_BYTES", Long.toString(Api.MAX_REQUEST_BYTES),
          "DESKBRIDGE_OUTBOX_LEASE", "PT15S",
          "DESKBRIDGE_OUTBOX_RETRY_BASE", "PT0.05S",
          "DESKBRIDGE_SWEEP_POLL", "PT0.2S")));
    }

    @Override
    public void close() {
      server.close();
    }
  }

  static Path workDir() {
    return Path.of(System.getProperty("it.workDir", "target/it"));
  }
}
