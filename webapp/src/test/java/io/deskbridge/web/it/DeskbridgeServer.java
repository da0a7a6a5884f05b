package io.deskbridge.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Boots the real WAR on Payara Micro once per test JVM (all IT classes share it) and hands tests an
 * {@link Api} pointed at it. The database is whatever DESKBRIDGE_DB_URL says (embedded H2 when
 * unset), so the same suite runs on PostgreSQL in CI. The server log is kept in
 * target/it/payara-micro.log.
 */
public class DeskbridgeServer implements BeforeAllCallback, ParameterResolver {

  static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Api.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    return new Api(server.base, server.log);
  }

  /** The running server; closed by JUnit when the whole run ends. */
  static final class Running implements ExtensionContext.Store.CloseableResource {
    final URI base;
    final Path log;
    private final Process process;

    private Running(URI base, Path log, Process process) {
      this.base = base;
      this.log = log;
      this.process = process;
    }

    static Running start() {
      try {
        Path work = Path.of(System.getProperty("it.workDir", "target/it"));
        deleteTree(work);
        Files.createDirectories(work);
        int port = freePort();
        Path log = work.resolve("payara-micro.log");
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx768m",
            "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
            "--deploy", System.getProperty("app.war", "target/ROOT.war"),
            "--port", Integer.toString(port),
            "--nocluster",
            "--rootdir", work.resolve("payara-root").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("DESKBRIDGE_ADMIN_TOKEN", ADMIN_TOKEN);
        builder.environment().put("DESKBRIDGE_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("DESKBRIDGE_DEMO", "true");
        builder.environment().put("DESKBRIDGE_PORT", Integer.toString(port));
        builder.environment().put("DESKBRIDGE_HTTP_MAX_REQUEST_BYTES", Long.toString(Api.MAX_REQUEST_BYTES));
        Process process = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port);
        Running running = new Running(base, log, process);
        running.awaitReady();
        return running;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void awaitReady() {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Payara Micro exited during boot; see " + log);
        }
        try {
          HttpResponse<String> ready = client.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/auth/me")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
          // 401 from our own filter proves the application (not just the server) is deployed.
          if (ready.statusCode() == 401) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        sleep();
      }
      close();
      throw new IllegalStateException("Deskbridge did not answer within " + BOOT_TIMEOUT + "; see " + log);
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    private static void sleep() {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }

    private static void deleteTree(Path dir) throws IOException {
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
