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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Deskbridge server: the real WAR on Payara Micro in its own JVM, on a free port, with its
 * database and data directory chosen by the environment given. Tests may kill it like a power cut.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

  final URI base;
  final Path log;
  private final Process process;

  private ServerProcess(URI base, Path log, Process process) {
    this.base = base;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts a server whose runtime lives in {@code runtimeDir} (wiped first) and answers once the
   * application is deployed.
   */
  static ServerProcess start(Path runtimeDir, Path log, Map<String, String> env) {
    try {
      deleteTree(runtimeDir);
      Files.createDirectories(runtimeDir);
      int port = freePort();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx768m",
          "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
          "--deploy", System.getProperty("app.war", "target/ROOT.war"),
          "--port", Integer.toString(port),
          "--nocluster",
          "--rootdir", runtimeDir.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("DESKBRIDGE_PORT", Integer.toString(port));
      builder.environment().put("DESKBRIDGE_PLUGINS_DIR", System.getProperty("it.pluginsDir", "target/it-plugins"));
      builder.environment().putAll(env);
      ServerProcess server = new ServerProcess(URI.create("http://127.0.0.1:" + port), log, builder.start());
      server.awaitReady();
      return server;
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
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/me")).GET().build(),
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
      pause();
    }
    close();
    throw new IllegalStateException("Deskbridge did not answer within " + BOOT_TIMEOUT + "; see " + log);
  }

  Api api() {
    return new Api(base, log);
  }

  /** SIGKILL: no shutdown hooks, no graceful end of transactions or deliveries. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void pause() {
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

  static void deleteTree(Path dir) throws IOException {
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
